/**
 * Realistic lead messages and what the offline model must read from them. Each fixture lists only the
 * fields it is about; `confidence` bounds intentConfidence (inclusive); `absent` fields must stay unset.
 */
import type { Qualification } from "../../../src/ports/qualification.ts";

export interface LeadMessageFixture {
  readonly title: string;
  /** The lead's messages, oldest first. */
  readonly messages: readonly string[];
  readonly expected: Partial<Qualification>;
  readonly confidence?: readonly [number, number];
  readonly absent?: ReadonlyArray<keyof Qualification>;
  /** The name the bots should greet the lead by. */
  readonly name?: string;
}

export const LEAD_MESSAGES: readonly LeadMessageFixture[] = [
  // Buyers
  {
    title: "explicit buyer with every fact",
    messages: [
      "Hi! We want to buy a 3 bed house in Austin. Budget is $450k and we're pre-approved. Hoping to move within 90 days.",
    ],
    expected: {
      intent: "buy",
      bedrooms: 3,
      propertyType: "single-family",
      location: "Austin",
      budgetMax: 450_000,
      financing: "pre_approved",
      timeline: "0-3m",
    },
    confidence: [0.8, 1],
    absent: ["budgetMin", "priceExpectation"],
  },
  {
    title: "cash condo buyer near downtown",
    messages: ["Looking for a condo near downtown Denver, up to $600K. Paying cash."],
    expected: {
      intent: "buy",
      propertyType: "condo",
      location: "downtown Denver",
      budgetMax: 600_000,
      financing: "cash",
    },
    confidence: [0.75, 0.9],
  },
  {
    title: "first-time buyers with a range and no lender",
    messages: [
      "We're first-time buyers, haven't talked to a lender yet. Something between 400 and 500k in the Rancho Cucamonga area, no rush.",
    ],
    expected: {
      intent: "buy",
      budgetMin: 400_000,
      budgetMax: 500_000,
      financing: "not_started",
      location: "Rancho Cucamonga",
      timeline: "6m+",
      motivation: "first home",
    },
    confidence: [0.8, 1],
  },
  {
    title: "terse form fill with a budget range and a zip code",
    messages: ["budget is 350-400k, need at least three bedrooms, townhouse is fine. zip 78704"],
    expected: {
      budgetMin: 350_000,
      budgetMax: 400_000,
      bedrooms: 3,
      propertyType: "townhouse",
      location: "78704",
    },
  },
  {
    title: "job relocation with a million-dollar ceiling",
    messages: [
      "Relocating to Phoenix for a new job next month! Need a 4br single-family under 1.2m, preapproved already.",
    ],
    expected: {
      intent: "buy",
      motivation: "job transfer",
      location: "Phoenix",
      bedrooms: 4,
      propertyType: "single-family",
      budgetMax: 1_200_000,
      financing: "pre_approved",
      timeline: "0-3m",
    },
    confidence: [0.8, 1],
  },
  {
    title: "growing family, spoken budget, seasonal timeline",
    messages: [
      "Growing family - baby on the way 👶 - we need a bigger place with a yard. Pre-qualified for around half a million. Ideally by summer.",
    ],
    expected: {
      intent: "buy",
      motivation: "growing family, more space",
      financing: "pre_qualified",
      budgetMin: 450_000,
      budgetMax: 550_000,
      timeline: "3-6m",
    },
    confidence: [0.75, 1],
  },
  {
    title: "investor after a multi-family",
    messages: ["Investor here, looking for a duplex or triplex in Houston, cash buyer, up to 800k"],
    expected: {
      intent: "buy",
      propertyType: "multi-family",
      location: "Houston",
      financing: "cash",
      budgetMax: 800_000,
      motivation: "investment",
    },
    confidence: [0.8, 1],
  },
  {
    title: "buyer who already has a realtor, beds/baths shorthand",
    messages: ["We're already working with a realtor but want to see homes in Plano too, a 3/2 under 375k."],
    expected: { hasAgent: true, location: "Plano", bedrooms: 3, budgetMax: 375_000 },
  },
  {
    title: "mobile home on land, no agent, approximate budget",
    messages: [
      "Looking to buy a mobile home on some land outside Tucson, don't have an agent yet. Budget around 150k.",
    ],
    expected: {
      intent: "buy",
      propertyType: "mobile home",
      hasAgent: false,
      location: "Tucson",
      budgetMin: 135_000,
      budgetMax: 165_000,
    },
    confidence: [0.8, 1],
  },
  {
    title: "fixer-upper cash buyer",
    messages: ["I'm looking for a fixer-upper in Cleveland, cash, under $200,000."],
    expected: {
      intent: "buy",
      propertyCondition: "needs_work",
      location: "Cleveland",
      financing: "cash",
      budgetMax: 200_000,
    },
  },
  {
    title: "move-in ready townhome in two suburbs",
    messages: ["We'd like a move-in ready townhome in Round Rock or Cedar Park, 3 bedrooms, $425k max"],
    expected: {
      intent: "buy",
      propertyType: "townhouse",
      propertyCondition: "good",
      location: "Round Rock or Cedar Park",
      bedrooms: 3,
      budgetMax: 425_000,
    },
  },
  {
    title: "price band in the mid 300s",
    messages: ["We want to buy a 2 bedroom condo in Tampa, somewhere in the mid 300s"],
    expected: {
      intent: "buy",
      bedrooms: 2,
      propertyType: "condo",
      location: "Tampa",
      budgetMin: 333_000,
      budgetMax: 366_000,
    },
  },
  {
    title: "first-time buyer with an FHA pre-approval, a place name containing 'land'",
    messages: ["I'm a first time buyer, FHA pre-approval for $285,000, looking in Katy or Sugar Land"],
    expected: {
      intent: "buy",
      financing: "pre_approved",
      budgetMax: 285_000,
      location: "Katy or Sugar Land",
      motivation: "first home",
    },
    absent: ["propertyType"],
  },
  {
    title: "interested in a townhouse, no lender",
    messages: ["I am interested in a townhouse. I don't have a lender."],
    expected: { intent: "buy", propertyType: "townhouse", financing: "not_started" },
  },
  // Sellers
  {
    title: "valuation question; the old purchase price is not the price expected",
    messages: ["How much could I get for my condo in Miami Beach? Bought it for 310k in 2015"],
    expected: { intent: "sell", propertyType: "condo", location: "Miami Beach" },
    absent: ["priceExpectation", "budgetMax"],
  },
  {
    title: "hedged seller a year out",
    messages: ["thinking about maybe selling next year"],
    expected: { intent: "sell", timeline: "6m+" },
    confidence: [0.7, 0.75],
  },
  {
    title: "urgent seller with a job transfer and a price",
    messages: [
      "We need to sell our house in Sacramento ASAP — job transfer. It's in great shape. Hoping to get 700k.",
    ],
    expected: {
      intent: "sell",
      location: "Sacramento",
      timeline: "0-3m",
      motivation: "job transfer",
      sellerReason: "job transfer",
      propertyCondition: "good",
      priceExpectation: 700_000,
      propertyType: "single-family",
    },
    confidence: [0.85, 1],
    absent: ["budgetMax", "budgetMin"],
  },
  {
    title: "valuation question with a renovated home",
    messages: ["What's my home worth? It's a 4 bedroom in Boise, recently renovated, we own it outright."],
    expected: { intent: "sell", bedrooms: 4, location: "Boise", propertyCondition: "excellent" },
    confidence: [0.75, 0.9],
  },
  {
    title: "divorce sale with a deadline and a Zestimate",
    messages: ["Divorce — need to list our condo in Tampa within 60 days. Zestimate says about $850,000."],
    expected: {
      intent: "sell",
      propertyType: "condo",
      location: "Tampa",
      timeline: "0-3m",
      sellerReason: "divorce",
      priceExpectation: 850_000,
    },
    confidence: [0.85, 1],
  },
  {
    title: "inherited house, unsure",
    messages: [
      "My dad passed away and we inherited his house in Memphis. It needs a lot of work. Not sure what to do, maybe sell?",
    ],
    expected: {
      intent: "sell",
      sellerReason: "inherited property",
      propertyCondition: "needs_work",
      location: "Memphis",
    },
    confidence: [0.7, 0.8],
  },
  {
    title: "retiring and downsizing",
    messages: [
      "Retiring this year and downsizing — we want to sell our 5 bed in Scottsdale, it's worth about $1.1M",
    ],
    expected: {
      intent: "sell",
      motivation: "retirement, downsizing",
      sellerReason: "retirement, downsizing",
      bedrooms: 5,
      location: "Scottsdale",
      priceExpectation: 1_100_000,
      timeline: "3-6m",
    },
    confidence: [0.85, 1],
  },
  {
    title: "mobile home seller with a floor price",
    messages: [
      "We're selling our mobile home, it's paid off, needs some TLC. Would like to get at least 90k.",
    ],
    expected: {
      intent: "sell",
      propertyType: "mobile home",
      propertyCondition: "fair",
      priceExpectation: 90_000,
    },
    absent: ["budgetMin", "budgetMax"],
  },
  // Both
  {
    title: "sell the condo, buy a bigger house",
    messages: [
      "We need to sell our condo before we can buy a bigger house. Condo should go for about 400k; we can spend up to 650k on the next place.",
    ],
    expected: {
      intent: "both",
      priceExpectation: 400_000,
      budgetMax: 650_000,
      propertyType: "single-family",
    },
    confidence: [0.8, 1],
    absent: ["budgetMin"],
  },
  {
    title: "sell in one city, buy in the next",
    messages: ["Want to sell my townhouse in Dallas and buy something in Fort Worth, preapproved for 500k"],
    expected: {
      intent: "both",
      financing: "pre_approved",
      budgetMax: 500_000,
      location: "Dallas or Fort Worth",
    },
    confidence: [0.8, 1],
  },
  // Vague
  {
    title: "just looking",
    messages: ["just looking"],
    expected: { intent: "browsing" },
    confidence: [0.7, 0.8],
  },
  {
    title: "a bare hello",
    messages: ["Hello"],
    expected: { intent: "unknown", timeline: "unknown", financing: "unknown" },
    confidence: [0, 0.3],
    absent: ["budgetMin", "budgetMax", "location", "propertyType", "bedrooms", "hasAgent"],
  },
  {
    title: "browsing with an emoji",
    messages: ["Just browsing for now, curious what's out there 🙂"],
    expected: { intent: "browsing" },
  },
  {
    title: "a call-back request",
    messages: ["Can you call me back after 5?"],
    expected: { intent: "unknown" },
    confidence: [0, 0.3],
    absent: ["budgetMax", "location"],
  },
  // Typos, capitals, emoji
  {
    title: "typos in the keywords",
    messages: ["were preaproved and our bugdet is 450,000, lookng for a condo's in Miami"],
    expected: {
      intent: "buy",
      financing: "pre_approved",
      budgetMax: 450_000,
      propertyType: "condo",
      location: "Miami",
    },
  },
  {
    title: "all capitals",
    messages: ["LOOKING FOR A CONDO IN MIAMI ASAP!!! PAYING CASH UP TO 600K"],
    expected: {
      intent: "buy",
      propertyType: "condo",
      location: "Miami",
      timeline: "0-3m",
      financing: "cash",
      budgetMax: 600_000,
    },
  },
  {
    title: "emoji everywhere",
    messages: ["🏡🏡 need 2 bedroom townhome 😍 in Orlando, pre-approved!! budget 300k 💰"],
    expected: {
      intent: "buy",
      bedrooms: 2,
      propertyType: "townhouse",
      location: "Orlando",
      financing: "pre_approved",
      budgetMax: 300_000,
    },
    confidence: [0.8, 1],
  },
  {
    title: "shouting seller",
    messages: ["WE WANT TO SELL OUR HOUSE IN PHOENIX, NEEDS WORK, NO RUSH"],
    expected: { intent: "sell", location: "Phoenix", propertyCondition: "needs_work", timeline: "6m+" },
    confidence: [0.85, 1],
  },
  {
    title: "typos, no capitals, in a hurry",
    messages: ["im relocting for work and need to buy a house fast, buget 500k, mortage pre-aproved"],
    expected: {
      intent: "buy",
      motivation: "job transfer",
      budgetMax: 500_000,
      financing: "pre_approved",
      timeline: "0-3m",
    },
  },
  // Non-English names and Spanish
  {
    title: "Spanish-English mix from the brief",
    messages: ["buscando casa de 3 recámaras en San Antonio, budget 300k"],
    expected: { intent: "buy", budgetMax: 300_000, location: "San Antonio", bedrooms: 3 },
  },
  {
    title: "Spanish greeting with a name",
    messages: ["Hola, soy José. Queremos comprar una casa en San Antonio, 3 recámaras, budget 300k"],
    expected: { intent: "buy", location: "San Antonio", bedrooms: 3, budgetMax: 300_000 },
    confidence: [0.85, 1],
    name: "José",
  },
  {
    title: "Vietnamese name, approximate budget",
    messages: ["My name is Nguyễn Văn An, we want to buy a condo in Garden Grove for about 600k"],
    expected: {
      intent: "buy",
      propertyType: "condo",
      location: "Garden Grove",
      budgetMin: 540_000,
      budgetMax: 660_000,
    },
    name: "Nguyễn Văn An",
  },
  {
    title: "name with a diaeresis, hedged seller",
    messages: ["This is Zoë 😊 — my husband and I are thinking of selling our place in Boulder this summer"],
    expected: { intent: "sell", location: "Boulder", timeline: "3-6m" },
    confidence: [0.7, 0.75],
    name: "Zoë",
  },
  {
    title: "Chinese name",
    messages: ["I'm 王伟 and I want to buy a 2 bed condo in Seattle, pre-qualified"],
    expected: {
      intent: "buy",
      bedrooms: 2,
      propertyType: "condo",
      location: "Seattle",
      financing: "pre_qualified",
    },
    name: "王伟",
  },
  // Conversations
  {
    title: "a later message corrects the budget",
    messages: ["Hi, looking to buy in Austin", "budget 400k", "actually make that 500k"],
    expected: { intent: "buy", budgetMax: 500_000, location: "Austin" },
  },
  {
    title: "financing improves over the conversation",
    messages: ["We haven't talked to a lender yet", "Update: we just got pre-approved for 475k!"],
    expected: { financing: "pre_approved", budgetMax: 475_000 },
  },
  {
    title: "a second area is added",
    messages: ["We're looking for a house in Austin", "also open to Round Rock"],
    expected: { location: "Austin or Round Rock" },
  },
  {
    title: "seller answers question by question",
    messages: [
      "We want to sell our house",
      "probably in 6 months",
      "it's move-in ready, we're hoping for 550k",
    ],
    expected: { intent: "sell", timeline: "3-6m", propertyCondition: "good", priceExpectation: 550_000 },
    absent: ["budgetMax"],
  },
  // Edge cases
  {
    title: "land, with acres that are not money",
    messages: ["Looking at land to build on near Bend, around 10 acres, up to 300k"],
    expected: { intent: "buy", propertyType: "land", location: "Bend", budgetMax: 300_000 },
    absent: ["budgetMin"],
  },
  {
    title: "denied sale is not a second intent",
    messages: ["We're not selling, we just want to buy a rental property in Kansas City"],
    expected: { intent: "buy", motivation: "investment", location: "Kansas City" },
    confidence: [0.85, 1],
  },
  {
    title: "years lived and rent are not a timeline or a budget",
    messages: [
      "We've rented here for 10 years at $2,100/month and want to buy a place of our own in Spokane",
    ],
    expected: { intent: "buy", location: "Spokane", timeline: "unknown" },
    absent: ["budgetMax", "budgetMin"],
  },
];
