"""The demo's words and prices: names, emails, preferences, stations, products and what
customers say. Most common first, so a skewed draw favours them."""

from __future__ import annotations

import random

from app.demo.pick import Pick
from app.domain.identifiers import fold

# --- people -----------------------------------------------------------------------


def names(text: str) -> tuple[str, ...]:
    """Split "Smith, Jones, ..." into names; the most common come first."""
    return tuple(name.strip() for name in text.split(",") if name.strip())


GIVEN_BRITISH = names(
    "Oliver, George, Sarah, David, Emily, James, Olivia, John, Jack, Amelia, Thomas, "
    "Sophie, Harry, Charlotte, Michael, Emma, Daniel, Hannah, Paul, Lucy, William, "
    "Jessica, Peter, Grace, Richard, Laura, Andrew, Rachel, Matthew, Helen, Robert, "
    "Claire, Christopher, Susan, Mark, Margaret, Stephen, Elizabeth, Samuel, Rebecca, "
    "Joseph, Karen, Ben, Nicola, Alfie, Isla, Charlie, Freya, Arthur, Poppy, Leo, Ava, "
    "Noah, Mia, Niamh, Rhys, Cerys, Gareth, Eilidh, Angharad, Zoë, Chloé, Renée, "
    "Siobhán, Seán, Ciarán, Aoife, Éamonn, Dónal, Dafydd"
)
GIVEN_WORLD = names(
    "Mohammed, Priya, Aisha, Wei, Fatima, José, Raj, María, Omar, Mei, Arjun, Ananya, "
    "Yusuf, Zainab, Sanjay, Deepa, Imran, Ayesha, Tariq, Oluwaseun, Chidi, Ngozi, Kwame, "
    "Abena, Minh, Linh, Hiroshi, Yuki, Inés, Sofía, Ángel, Björn, Søren, Åsa, Łukasz, "
    "Małgorzata, Agnieszka, Krzysztof, Zoltán, Jürgen, Jörg, François, Hélène, Amélie, "
    "Thérèse, Joël, Giulia, Matteo, Niccolò, João, Ioana, Tomás, Jiří"
)
FAMILY_BRITISH = names(
    "Smith, Jones, Williams, Taylor, Brown, Davies, Evans, Wilson, Thomas, Johnson, "
    "Roberts, Robinson, Thompson, Wright, Walker, White, Edwards, Hughes, Green, Hall, "
    "Lewis, Harris, Clarke, Patel, Jackson, Wood, Turner, Martin, Cooper, Hill, Ward, "
    "Morris, Moore, Clark, Lee, King, Baker, Harrison, Morgan, Allen, Scott, Phillips, "
    "Watson, Parker, Price, Bennett, Young, Griffiths, Mitchell, Kelly, Cook, Carter, "
    "Bailey, Collins, Bell, Shaw, Murphy, Miller, Khan, Marshall, Ellis, Singh, Begum, "
    "Wilkinson, Foster, Chapman, Powell, Webb, Mason, Ali, Hussain, Campbell, Owen, "
    "Palmer, Holmes, Barnes, Knight, Lloyd, O'Brien, O'Connor, O'Neill, McDonald, "
    "MacLeod, McKenzie, Fitzgerald, Smith-Jones, Ó Briain"
)
FAMILY_WORLD = names(
    "Ahmed, Chen, Nguyen, Sharma, Kowalski, Müller, García, Rossi, Shah, Wang, Okafor, "
    "Nowak, Dubois, Rahman, Li, Adeyemi, Fernández, Gupta, Zhang, Mensah, Wiśniewski, "
    "Schröder, Núñez, Kaur, Kim, Owusu, Wójcik, Lefèvre, Esposito, Chowdhury, Tanaka, "
    "Nwosu, Kamiński, Weiß, Martínez, Moreau, Bianchi, Papadopoulos, Jensen, Andersson, "
    "Lindqvist, Åberg, Søndergaard, Novák, Dvořák, Horváth, Popescu, Yılmaz, Öztürk, "
    "Çelik, van der Berg, de Vries, da Silva, Gonçalves, López, Köhler"
)
EMAIL_DOMAINS = Pick(
    [
        ("example.com", 40),
        ("example.org", 20),
        ("example.net", 15),
        ("mail.example", 12),
        ("post.example", 8),
        ("inbox.example", 5),
    ]
)
EMAIL_SHAPES = Pick(
    [
        ("{g}.{f}", 40),
        ("{g}{f}", 15),
        ("{i}{f}", 15),
        ("{g}_{f}", 10),
        ("{f}.{g}", 10),
        ("{i}.{f}", 10),
    ]
)
PREFERENCES = Pick(
    [
        ("", 55),
        ("window seat", 10),
        ("quiet coach; aisle seat", 6),
        ("aisle seat", 6),
        ("quiet coach", 6),
        ("forward facing; window seat", 4),
        ("step-free access", 4),
        ("table seat; near luggage rack", 3),
        ("assistance at stations; step-free access", 2),
        ("first class; quiet coach", 2),
        ("travels with bicycle", 2),
    ]
)
NOTES = Pick(
    [
        ("", 150),
        ('Prefers to be called "Bob"', 2),
        ("Hard of hearing, please speak clearly", 3),
        ('Travels with assistance dog, "Bella"', 2),
        ("Asked not to be phoned; email only", 3),
        ("Commutes Leeds to York, early trains", 3),
        ('Said "I\'ve been loyal for years", wants that recognised', 2),
        ("Uses a wheelchair, book ramp at Leeds, York and King's Cross", 2),
        ("Corporate account via employer, invoices monthly", 2),
        ('Finds the "Delay Repay" form confusing, help by phone', 2),
        ("Student, 16-25 railcard", 3),
        ("Visually impaired; large-print letters, please", 2),
        ("Regular on the 07:12 to King's Cross", 2),
    ]
)
STATIONS = Pick(
    [
        ("Leeds", 12),
        ("London King's Cross", 10),
        ("York", 8),
        ("Newcastle", 6),
        ("Edinburgh Waverley", 5),
        ("Wakefield Westgate", 4),
        ("Doncaster", 4),
        ("Peterborough", 3),
        ("Harrogate", 2),
        ("Durham", 2),
        ("Darlington", 2),
        ("Stevenage", 2),
        ("Bradford Forster Square", 2),
        ("Grantham", 1),
        ("Newark North Gate", 1),
        ("Retford", 1),
        ("Skipton", 1),
        ("Sunderland", 1),
        ("Aberdeen", 1),
        ("Glasgow Central", 1),
    ]
)

# Characters NFKD cannot take apart into ASCII.
_folded: dict[str, str] = {}


def ascii_fold(name: str) -> str:
    """ "Łukasz O'Brien" -> "lukaszobrien": folded letters and digits only, for emails."""
    cached = _folded.get(name)
    if cached is None:
        cached = "".join(c for c in fold(name) if c.isascii() and c.isalnum())
        _folded[name] = cached
    return cached


# Pence ranges for one purchase; draws lean towards the cheap end.
PRICES: dict[str, tuple[int, int]] = {
    "off-peak return": (1200, 8000),
    "anytime return": (2000, 8000),
    "advance single": (800, 6500),
    "catering": (250, 1500),
    "parking": (400, 2000),
    "railcard": (3000, 3500),
    "first class return": (9000, 35000),
    "first class advance": (4000, 18000),
}
OCCASIONAL_PRODUCTS = Pick(
    [
        ("off-peak return", 35),
        ("advance single", 25),
        ("anytime return", 10),
        ("catering", 15),
        ("parking", 10),
        ("railcard", 5),
    ]
)
VIP_PRODUCTS = Pick(
    [
        ("first class return", 35),
        ("first class advance", 25),
        ("catering", 20),
        ("parking", 15),
        ("anytime return", 5),
    ]
)
HABITS = Pick(
    [
        (("off-peak return", 900, 4500), 50),
        (("anytime return", 1500, 6000), 30),
        (("parking", 500, 1500), 10),
        (("advance single", 900, 3000), 10),
    ]
)
PURCHASE_CHANNELS = Pick([("app", 32), ("counter", 30), ("web", 30), ("phone", 8)])
# Opening hours per channel, in seconds of the day; never 01:00-02:00 (clock changes).
CHANNEL_HOURS = {
    "app": (6 * 3600, 23 * 3600),
    "counter": (6 * 3600, 21 * 3600),
    "web": (6 * 3600, 23 * 3600),
    "phone": (8 * 3600, 19 * 3600),
}


def draw_price(rng: random.Random, product: str) -> int:
    low, high = PRICES[product]
    u = rng.random()
    return (low + int((high - low) * u * u)) // 10 * 10


# --- contacts -----------------------------------------------------------------------

COMPLAINTS = (
    ("delay", "{minutes} min delay on the {time} {station} to {dest}; missed connection"),
    ("delay", 'Held outside {dest} for {minutes} minutes, "no announcements at all"'),
    ("cancelled", "The {time} from {station} was cancelled, no replacement bus, took a taxi"),
    ("lost ticket", "Lost ticket at {station}, charged again for the same journey"),
    ("lost ticket", 'Left ticket on the train to {dest}; wants a replacement "without a fee"'),
    ("staff", 'Staff member at {station} was "rude and dismissive", wants an apology'),
    ("staff", "Guard on the {time} to {dest} refused a valid railcard, issued a penalty fare"),
    ("refund", "Refund of £{amount} for a cancelled journey not received after 6 weeks"),
    ("refund", "Charged twice, £{amount} each, at the {station} ticket machine"),
    ("seat", "Reserved seat in coach {coach} not available, stood from {station} to {dest}"),
    ("quiet coach", "Quiet coach not enforced on the {time}, asked the guard twice"),
)
ENQUIRIES = (
    "Asked about season ticket renewal, monthly vs annual",
    "Railcard eligibility question (26-30 railcard)",
    "How to add a loyalty card to the app",
    "Step-free access at {station}: is the lift working?",
    "Delay Repay claim status for the {time} to {dest}",
    "Parking charges at {station}, weekend rates",
    'Asked what "flexible season" means for part-time commuting',
    "Can a ticket from {station} to {dest} be used on an earlier train?",
)
COMPLIMENTS = (
    'Praised the team at {station}: "went above and beyond"',
    "Thanked the guard on the {time} to {dest} for help with luggage",
    "Assistance at {station} was excellent, met at the platform",
    "Happy with the quiet coach on the {time}, calm journey",
)
REASONS = {
    "delay": "Delay goodwill",
    "cancelled": "Cancelled service",
    "lost ticket": "Lost ticket",
    "staff": "Apology for staff conduct",
    "refund": "Refund delay",
    "seat": "Reserved seat not available",
    "quiet coach": "Quiet coach not enforced",
}
GOODWILL_KINDS = {
    "delay": ("voucher", "refund", "points"),
    "cancelled": ("refund", "voucher"),
    "lost ticket": ("waiver", "refund"),
    "staff": ("voucher", "points"),
    "refund": ("refund", "voucher", "waiver"),
    "seat": ("upgrade", "voucher", "refund"),
    "quiet coach": ("points", "voucher", "upgrade"),
}
CONTACT_CHANNELS = Pick(
    [("phone", 30), ("email", 30), ("counter", 20), ("web", 10), ("app", 5), ("social", 5)]
)


# "HH:MM:SS" for every second of the day, so stamps need no arithmetic.
CLOCK = tuple(f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in range(86400))


def goodwill_value(rng: random.Random, kind: str) -> int:
    """Pence for one concession, between £1.50 and £150."""
    if kind == "voucher":
        return rng.choice((500, 1000, 1500, 2000, 2500, 5000))
    if kind == "points":
        return rng.choice((150, 250, 500, 1000))
    if kind == "waiver":
        return rng.choice((150, 200, 500, 1000, 2000))
    u = rng.random()
    if kind == "upgrade":
        return (1500 + int(13500 * u * u)) // 50 * 50
    return (150 + int(5850 * u * u)) // 10 * 10  # refund
