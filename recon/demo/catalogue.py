"""The demo business and what it sells: name, locations, price list, and the people of its suburbs."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal as D

BUSINESS_NAME = "Paws & Claws Pet Resort"
LOCATIONS = {1: "Paws & Claws Dural", 2: "Paws & Claws Kellyville"}
TIMEZONE = "Australia/Sydney"


@dataclass(frozen=True)
class Item:
    code: str
    area_type: str
    line_type: str
    description: str
    unit_price: D
    tax_code: str


ITEMS = {
    item.code: item
    for item in [
        Item("BOARD-DOG", "boarding", "booking", "Dog boarding", D("65.00"), "GST"),
        Item("BOARD-DOG-LG", "boarding", "booking", "Dog boarding - large dog", D("72.00"), "GST"),
        Item("BOARD-CAT", "boarding", "booking", "Cattery", D("38.50"), "GST"),
        Item("MEDS", "boarding", "extra", "Administered medication (GST free)", D("9.90"), "GST_FREE"),
        Item("TRANSPORT", "boarding", "extra", "Pet taxi - pick-up and drop-off", D("25.00"), "GST"),
        Item("DAYCARE", "daycare", "booking", "Daycare - full day", D("52.00"), "GST"),
        Item("DAYCARE-HALF", "daycare", "booking", "Daycare - half day", D("32.00"), "GST"),
        Item("GROOM-FULL", "grooming", "booking", "Full groom", D("95.00"), "GST"),
        Item("GROOM-MINI", "grooming", "booking", "Mini groom - face, feet and tail", D("65.00"), "GST"),
        Item("BATH", "grooming", "extra", "Hydrobath and blow-dry", D("35.00"), "GST"),
        Item("GROOM-NAIL", "grooming", "extra", "Nail clip", D("19.99"), "GST"),
        Item("TRAIN-PUPPY", "training", "booking", "Puppy school - 6 weeks", D("240.00"), "GST"),
        Item("TRAIN-PRIVATE", "training", "booking", "Private training session", D("110.00"), "GST"),
        Item("RETAIL", "retail", "product", "Retail", D("0.00"), "GST"),
        Item("VOUCHER", "", "voucher", "Gift voucher", D("0.00"), "NO_TAX"),
        Item("ADJUST", "", "adjustment", "Adjustment", D("0.00"), "GST"),
    ]
}

# Rescues and businesses are invoiced monthly, tax-exclusive, at rates agreed to four decimals.
EXCLUSIVE_RATES = {
    "BOARD-DOG": D("45.4545"),
    "DAYCARE": D("28.0000"),
    "GROOM-NAIL": D("19.9990"),
    "BATH": D("27.2727"),
}

RETAIL_PRODUCTS = [
    ("Premium dog food 3kg", D("42.95")),
    ("Premium cat food 1kg", D("12.95")),
    ("Grain-free treats 500g", D("18.50")),
    ("Rope tug toy", D("14.99")),
    ("Lead - medium", D("24.95")),
    ("Collar - small", D("11.77")),
    ("Flea and tick chew (3 pack)", D("54.90")),
    ("Calming spray 100ml", D("29.95")),
    ("Cat scratching post", D("39.00")),
    ("Tag engraving", D("11.77")),
]

# Descriptions typed by staff that a spreadsheet would take for a formula: they must stay text.
FORMULA_LIKE_DESCRIPTIONS = [
    "=SUM(A1:A9) chew toy (as typed by staff)",
    "+61 pet taxi surcharge",
    "-10% promo dental sticks",
    "@home recovery cone",
]

COMPANIES = [
    ("Hills District Greyhound Rescue Inc", "Rescue", "HDGR Inc"),
    ("Sydney Cat Rescue Association Inc", "Rescue", "Syd Cat Rescue Assn"),
    ("Paws for Life Foundation Ltd", "Rescue", "Paws For Life Fdn"),
    ("Northside Veterinary Hospital Pty Ltd", "Business", "Northside Vet Hospital"),
    ("K9 Protective Services Pty Ltd", "Business", "K9 Protective Svcs"),
    ("Dural Country Club Ltd", "Business", "Dural Country Club"),
    ("Second Chance Animal Rescue Inc", "Rescue", "2nd Chance Animal Rescue"),
    ("Greyhound Adoption Program (NSW) Inc", "Rescue", "GAP NSW"),
]

FIRST_NAMES = [
    "Jane", "Sarah", "Emma", "Olivia", "Mia", "Charlotte", "Chloe", "Jack", "Oliver", "William", "James",
    "Noah", "Lucas", "Liam", "Thomas", "Michael", "David", "Daniel", "Matthew", "Jessica", "Emily", "Sophie",
    "Hannah", "Grace", "Ruby", "Zoë", "Renée", "José", "Siobhán", "Aoife", "Mei", "Priya", "Aarav", "Ngoc",
    "Minh", "Hamish", "Angus", "Fiona", "Kate", "Rebecca", "Tom", "Ben", "Sam", "Léa", "Chloé", "Bronwyn",
    "Kylie", "Darren", "Craig", "Anh", "Wei", "Arjun", "Fatima", "Omar", "Isabella", "Amelia", "Harper",
]
# Common names make weak evidence, rare ones strong: both kinds on purpose.
LAST_NAMES = [
    "Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Nguyen", "Johnson", "Martin", "White",
    "Anderson", "Walker", "Thompson", "Lee", "Ryan", "Kelly", "Harris", "King", "Nguyễn", "Tran", "Singh",
    "Patel", "Chen", "Wang", "Li", "Kim", "O'Brien", "O'Connor", "D'Souza", "McDonald", "Müller",
    "Papadopoulos", "Kowalczyk", "Fitzgerald-Hughes", "Van der Berg", "Ó Súilleabháin", "Rossi", "Costa",
    "Murphy", "Campbell", "Stewart", "Robinson", "Wright", "Mitchell", "Hughes", "Edwards", "Hall", "Young",
    "Zhou", "Haddad", "Karagiannis", "Abernethy", "Quilty", "Thorburn", "Yilmaz", "Bianchi",
]

STREETS = [
    "Old Northern Rd", "Kenthurst Rd", "Galston Rd", "Windsor Rd", "Showground Rd", "Annangrove Rd",
    "Cattai Ridge Rd", "Pennant Hills Rd", "Castle St", "Withers Rd", "Green Rd", "Hezlett Rd",
]
SUBURBS = [
    ("Dural", "2158"), ("Kellyville", "2155"), ("Castle Hill", "2154"), ("Baulkham Hills", "2153"),
    ("Rouse Hill", "2155"), ("Glenhaven", "2156"), ("Galston", "2159"), ("Annangrove", "2156"),
    ("Box Hill", "2765"), ("Cherrybrook", "2126"), ("West Pennant Hills", "2125"), ("Glenorie", "2157"),
]

DOG_BREEDS = ["Labrador", "Kelpie", "Border Collie", "Cavoodle", "Staffy", "Golden Retriever", "Greyhound",
              "Jack Russell", "German Shepherd", "Shiba Inu", "Dachshund", "Groodle"]
CAT_BREEDS = ["Domestic Shorthair", "Ragdoll", "British Shorthair", "Burmese", "Maine Coon"]
PET_NAMES = ["Biscuit", "Mittens", "Rex", "Pho", "Luna", "Bella", "Max", "Coco", "Milo", "Daisy", "Teddy",
             "Ollie", "Rosie", "Bailey", "Molly", "Archie", "Nala", "Frankie", "Winston", "Pickles"]
