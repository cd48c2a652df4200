import { describe, expect, it } from "vitest";
import { MemoryContactStore } from "../../../src/adapters/memory/memory-contact-store.ts";
import { MemoryConversationStore } from "../../../src/adapters/memory/memory-conversation-store.ts";
import type { BotReplier } from "../../../src/domain/conversation/bot-replier.ts";
import {
  ConversationFullError,
  Conversations,
  MAX_CONVERSATION_MESSAGES,
} from "../../../src/domain/conversation/conversations.ts";
import type { LeadQualifier } from "../../../src/domain/lead-qualifier.ts";

function setup(startIso: string) {
  let t = Date.parse(startIso);
  const clock = {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
  };
  const store = new MemoryConversationStore();
  const conversations = new Conversations({
    store,
    contacts: new MemoryContactStore(),
    // A follow-up needs neither: it answers no lead message.
    qualifier: {} as LeadQualifier,
    replier: {} as BotReplier,
    clock,
    compliance: { licenseeName: "Acme Realty", dreLicense: "01234567" },
    defaultTimeZone: "America/Los_Angeles",
  });
  return { conversations, store, at: (iso: string) => (t = Date.parse(iso)) };
}

describe("follow-ups the service sends on its own", () => {
  it("are held outside 8 am–9 pm in the lead's time zone, with the next allowed time (across the DST change)", async () => {
    // 22:30 in New York on March 7, 2026; clocks spring forward at 2 am on March 8.
    const { conversations } = setup("2026-03-08T03:30:00Z");
    await conversations.start("acme", "c1", { timezone: "America/New_York" });
    const held = await conversations.followUp("acme", "c1");
    expect(held).toEqual({
      sent: false,
      reason: "quiet_hours",
      nextAllowedAt: "2026-03-08T12:00:00.000Z",
      timeZone: "America/New_York",
    });
  });

  it("are sent inside the window, and stored in the history", async () => {
    const { conversations, at } = setup("2026-03-08T03:30:00Z");
    await conversations.start("acme", "c2", { timezone: "America/New_York" });
    at("2026-03-08T15:00:00Z"); // 11:00 EDT
    const sent = await conversations.followUp("acme", "c2");
    expect(sent).toMatchObject({ sent: true, bot: "lead" });
    const history = await conversations.get("acme", "c2");
    expect(history.messages.at(-1)?.text).toMatch(/checking in/i);
  });

  it("count quiet hours in the default time zone when the lead gave none", async () => {
    // 06:00 in Los Angeles: too early there, though it is 09:00 in New York.
    const { conversations } = setup("2026-06-01T13:00:00Z");
    await conversations.start("acme", "c3", {});
    expect(await conversations.followUp("acme", "c3")).toMatchObject({
      sent: false,
      reason: "quiet_hours",
      timeZone: "America/Los_Angeles",
    });
  });

  it("are never sent to a lead who opted out", async () => {
    const { conversations, store } = setup("2026-06-01T18:00:00Z");
    await conversations.start("acme", "c4", {});
    const c = (await store.get("acme", "c4"))!;
    await store.save({ ...c, status: "closed", version: c.version + 1 });
    expect(await conversations.followUp("acme", "c4")).toEqual({ sent: false, reason: "opted_out" });
  });
});

describe("conversation size", () => {
  it("refuses a message past the cap with a typed error, storing nothing", async () => {
    const { conversations, store } = setup("2026-06-01T18:00:00Z");
    await conversations.start("acme", "big", {});
    const c = (await store.get("acme", "big"))!;
    const filler = Array.from({ length: MAX_CONVERSATION_MESSAGES }, (_, i) => ({
      role: "lead" as const,
      bot: "lead" as const,
      text: `m${i}`,
      at: i,
    }));
    await store.save({ ...c, messages: filler, version: c.version + 1 });
    await expect(conversations.send("acme", "big", "r1", "one more")).rejects.toBeInstanceOf(
      ConversationFullError,
    );
    expect((await store.get("acme", "big"))?.messages).toHaveLength(MAX_CONVERSATION_MESSAGES);
  });
});

describe("starting with a first message", () => {
  it("stores nothing when the first turn fails, so a retry does not leave an empty conversation behind", async () => {
    const store = new MemoryConversationStore();
    const conversations = new Conversations({
      store,
      contacts: new MemoryContactStore(),
      qualifier: {
        qualify: async () => {
          throw Object.assign(new Error("database down"), { code: "store_unavailable" });
        },
      } as unknown as LeadQualifier,
      replier: {} as BotReplier,
      clock: { now: () => 1_800_000_000_000, sleep: async () => {} },
      compliance: { licenseeName: "Acme Realty", dreLicense: "01234567" },
      defaultTimeZone: "America/Los_Angeles",
    });
    await expect(conversations.start("acme", "first", {}, "We want to buy")).rejects.toThrow("database down");
    expect(await store.get("acme", "first")).toBeUndefined();
  });
});
