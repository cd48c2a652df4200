import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasIdentity, tagsToAdd, toUpsertBody } from "../../../src/adapters/ghl/ghl-contact-body.ts";
import type { CrmContact } from "../../../src/ports/crm-gateway.ts";

const contact: fc.Arbitrary<CrmContact> = fc.record(
  {
    email: fc.emailAddress(),
    phone: fc.stringMatching(/^\+?1? ?\(?\d{3}\)? ?\d{3}-?\d{4}$/),
    firstName: fc.string(),
    lastName: fc.string(),
    source: fc.string(),
    tags: fc.array(fc.string()),
    dnd: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe("toUpsertBody", () => {
  it("property: the upsert body never carries tags, whatever the contact has", () => {
    fc.assert(
      fc.property(contact, (c) => {
        expect(toUpsertBody("loc", c)).not.toHaveProperty("tags");
      }),
      { numRuns: 200 },
    );
  });

  it("property: the body is the location plus exactly the contact's given fields other than tags (email and phone trimmed)", () => {
    fc.assert(
      fc.property(contact, (c) => {
        const { tags: _tags, email, phone, ...rest } = c;
        const expected: Record<string, unknown> = { locationId: "loc", ...rest };
        if (email?.trim()) expected.email = email.trim();
        if (phone?.trim()) expected.phone = phone.trim();
        expect(toUpsertBody("loc", c)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("trims email and phone, and leaves out blank ones", () => {
    expect(toUpsertBody("loc", { email: "  a@b.co ", phone: "   " })).toEqual({
      locationId: "loc",
      email: "a@b.co",
    });
  });
});

describe("hasIdentity", () => {
  it("needs a non-blank email or phone", () => {
    expect(hasIdentity({ email: "a@b.co" })).toBe(true);
    expect(hasIdentity({ phone: "5125550100" })).toBe(true);
    expect(hasIdentity({ email: " ", phone: "", firstName: "Ann" })).toBe(false);
  });
});

describe("tagsToAdd", () => {
  it("property: no blanks, no repeats, and every tag kept came (trimmed) from the contact", () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (tags) => {
        const kept = tagsToAdd({ tags });
        expect(kept.every((t) => t !== "" && t === t.trim())).toBe(true);
        expect(new Set(kept).size).toBe(kept.length);
        expect(kept.every((t) => tags.some((original) => original.trim() === t))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
