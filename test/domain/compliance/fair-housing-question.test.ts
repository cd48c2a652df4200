import { describe, expect, it } from "vitest";
import { isFairHousingQuestion } from "../../../src/domain/compliance/fair-housing-question.ts";

describe("isFairHousingQuestion", () => {
  it.each([
    "Is it a safe area?",
    "is it safe?",
    "How safe is the neighborhood at night?",
    "What's the crime like around there?",
    "How are the schools?",
    "Are there good schools nearby?",
    "Which school district is it in?",
    "What kind of people live there?",
    "Who lives on that street?",
    "Is it a good area for families?",
    "Is it family friendly?",
    "Are there lots of kids in the neighborhood?",
    "Is the area diverse?",
    "Are there many churches nearby?",
    "What are the demographics?",
  ])("recognises %j", (question) => {
    expect(isFairHousingQuestion(question)).toBe(true);
  });

  it.each([
    "How many bedrooms does it have?",
    "Is there a school bus stop nearby?",
    "Can I see it Saturday?",
    "Is it safe to send my pre-approval letter by email?",
    "Does it have a family room?",
    "Is the street quiet?",
    "How far is it from public transit?",
    "We're pre-approved up to $650k",
  ])("lets the ordinary question %j through", (question) => {
    expect(isFairHousingQuestion(question)).toBe(false);
  });
});
