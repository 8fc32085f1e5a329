"""Names as people type them: the word lists the contact queries compare names with.

A hand-typed contact writes the same person as "Smith, Jane", "J Smith", "Mrs Jane Smth", "Smith Jane",
"Liz Smith" or "jane smith", and a company as "Blue Mtns Dog Rescue" for "Blue Mountains Dog Rescue
Inc". The comparisons themselves are SQL (queries/matching/contact_*.sql); this module only holds
the words, handed to DuckDB as one small table by `word_table()`.
"""

from __future__ import annotations

import pyarrow as pa

# Written around a person's name and never part of it: titles, and "The Smith Family".
TITLES = ("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "fr", "the", "family")

# Words a company name may carry or drop without becoming another company.
LEGAL_WORDS = ("pty", "ltd", "limited", "inc", "incorporated", "co", "company", "the", "llc", "plc", "corp",
               "corporation", "trading", "as", "t", "a", "and", "n")

# Common abbreviations in company names, written out.
ABBREVIATIONS = {"mtn": "mountain", "mtns": "mountains", "assoc": "association", "assn": "association",
                 "svc": "services", "svcs": "services", "intl": "international", "aust": "australia",
                 "bros": "brothers", "dept": "department", "vet": "veterinary",
                 "fdn": "foundation", "fndn": "foundation", "syd": "sydney", "nth": "north", "sth": "south",
                 "ctr": "centre", "cntr": "centre", "hosp": "hospital", "svs": "services",
                 "1st": "first", "2nd": "second", "3rd": "third"}

# Given names and the short forms people write for them: a group per full name. A short form may
# belong to several groups ("Sam": Samuel and Samantha; "Chris": Christopher and Christine).
NICKNAMES = {
    "robert": "rob robbie bob bobby bert", "william": "will bill billy willie", "elizabeth": "liz lizzie beth betty eliza libby",
    "katherine": "kate katie kath kathy kat", "catherine": "kate katie cath cathy cat", "kathryn": "kate katie kath kathy",
    "margaret": "maggie meg peggy marg", "michael": "mike mick mickey mikey", "christopher": "chris kit",
    "christine": "chris chrissy tina", "christina": "chris chrissy tina", "thomas": "tom tommy", "james": "jim jimmy jamie",
    "john": "jack johnny jon", "jonathan": "jon jonny", "benjamin": "ben benny", "samuel": "sam sammy",
    "samantha": "sam sammy", "daniel": "dan danny", "matthew": "matt matty", "andrew": "andy drew",
    "anthony": "tony ant", "richard": "rick ricky rich dick", "edward": "ed eddie ted ned", "alexander": "alex xander",
    "alexandra": "alex lexi sandy", "nicholas": "nick nicky", "jennifer": "jen jenny", "rebecca": "bec becky becca",
    "jessica": "jess jessie", "stephanie": "steph", "stephen": "steve", "steven": "steve", "patrick": "pat paddy",
    "patricia": "pat trish patty", "joseph": "joe joey", "david": "dave davey", "peter": "pete", "gregory": "greg",
    "timothy": "tim timmy", "susan": "sue suzie", "victoria": "vicky tori", "deborah": "deb debbie",
    "jacqueline": "jacqui jackie", "kimberley": "kim", "kimberly": "kim", "amanda": "mandy", "charlotte": "charlie lottie",
    "charles": "charlie chuck", "abigail": "abby abbie", "olivia": "liv livvy", "isabella": "izzy bella",
    "isabel": "izzy bella", "bronwyn": "bron", "angus": "gus", "emily": "em emmy", "sophie": "soph", "sophia": "soph",
    "zachary": "zac zach", "joshua": "josh", "nathan": "nate", "nathaniel": "nate", "hannah": "han",
    "frederick": "fred freddie", "gerald": "gerry", "geraldine": "gerry", "kenneth": "ken kenny", "ronald": "ron ronnie",
    "donald": "don donny", "raymond": "ray", "lawrence": "laurie larry", "phillip": "phil", "philip": "phil",
    "barbara": "barb babs", "dorothy": "dot dottie", "eleanor": "ellie nell", "helen": "nell", "annabelle": "anna belle",
    "madeleine": "maddie maddy", "madison": "maddie maddy", "penelope": "penny", "rosemary": "rose rosie",
    "theodore": "theo ted", "vincent": "vince vinnie", "wendy": "wen",
}


def word_table() -> pa.Table:
    """(kind, word, value): titles, legal words, abbreviations (value: written out) and given names
    (value: the group, the full name)."""
    rows = [("title", w, w) for w in TITLES] + [("legal", w, w) for w in LEGAL_WORDS]
    rows += [("abbreviation", short, full) for short, full in ABBREVIATIONS.items()]
    for full, short_forms in NICKNAMES.items():
        rows += [("given", full, full)] + [("given", short, full) for short in short_forms.split()]
    kinds, words, values = zip(*rows)
    return pa.table({"kind": pa.array(kinds, pa.string()), "word": pa.array(words, pa.string()),
                     "value": pa.array(values, pa.string())})
