"""The most common family names in Australia, New Zealand and the UK, with a rough share of the
population. A small business sees too few customers to know that "Nguyen" or "Smith" is common;
these shares put a floor under the term frequency, so two Nguyens prove less than two
Papadopouloses in a business of any size."""

import pyarrow as pa

COMMON_SHARE = {
    "smith": 0.010, "nguyen": 0.009, "jones": 0.007, "williams": 0.007, "brown": 0.006, "wilson": 0.005,
    "taylor": 0.005, "johnson": 0.004, "white": 0.004, "martin": 0.004, "anderson": 0.004, "thompson": 0.004,
    "tran": 0.004, "lee": 0.004, "walker": 0.003, "harris": 0.003, "ryan": 0.003, "king": 0.003,
    "kelly": 0.003, "robinson": 0.003, "wright": 0.003, "campbell": 0.003, "clarke": 0.003, "clark": 0.003,
    "young": 0.003, "mitchell": 0.003, "singh": 0.003, "patel": 0.003, "le": 0.003, "pham": 0.002,
    "wang": 0.002, "li": 0.002, "chen": 0.002, "zhang": 0.002, "evans": 0.002, "roberts": 0.002,
    "hughes": 0.002, "edwards": 0.002, "green": 0.002, "hall": 0.002, "wood": 0.002, "jackson": 0.002,
    "murphy": 0.002, "obrien": 0.002, "davies": 0.002, "davis": 0.002, "lewis": 0.002, "scott": 0.002,
    "morris": 0.002, "cooper": 0.002, "ward": 0.002, "turner": 0.002, "hill": 0.002, "moore": 0.002,
}

COMMON_GIVEN_SHARE = {
    "john": 0.010, "david": 0.010, "michael": 0.009, "peter": 0.007, "james": 0.007, "robert": 0.006,
    "mark": 0.006, "paul": 0.005, "sarah": 0.005, "jennifer": 0.004, "michelle": 0.004, "lisa": 0.004,
    "jessica": 0.004, "emma": 0.004, "chris": 0.004, "andrew": 0.006, "daniel": 0.005, "matthew": 0.005,
}


def share_table() -> pa.Table:
    """(kind, key, share): the shares above as one small table for the contact queries."""
    rows = [("family", k, s) for k, s in COMMON_SHARE.items()] + [("given", k, s) for k, s in COMMON_GIVEN_SHARE.items()]
    kinds, keys, shares = zip(*rows)
    return pa.table({"kind": pa.array(kinds, pa.string()), "key": pa.array(keys, pa.string()),
                     "share": pa.array(shares, pa.float64())})
