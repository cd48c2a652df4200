import type { Clock } from "../../ports/clock.ts";
import type { ContactStore } from "../../ports/contact-store.ts";
import type { BotName, ConversationRecord, ConversationStore } from "../../ports/conversation-store.ts";
import type { Qualification } from "../../ports/qualification.ts";
import { type ComplianceAction, guardReply } from "../compliance/compliance-guard.ts";
import type { DisclosureConfig } from "../compliance/disclosure.ts";
import { consentAfterInbound } from "../compliance/messaging-consent.ts";
import { mayContactAt, nextAllowedAt } from "../compliance/quiet-hours.ts";
import { formatUsd } from "../cost/money.ts";
import {
  applyHandoff,
  decideHandoff,
  type HandoffPolicy,
  handoffRecordOf,
  handoffStateOf,
} from "../handoff-rules.ts";
import { contactInputOf } from "../lead-contact.ts";
import type { LeadQualifier } from "../lead-qualifier.ts";
import { leadGreeting } from "../prompts/bots.ts";
import type { BotReplier } from "./bot-replier.ts";

export class ConversationNotFoundError extends Error {
  readonly code = "not_found";
}

/** A conversation at its message cap: the lead should be handed to a person, not kept with a bot. */
export class ConversationFullError extends Error {
  readonly code = "conversation_full";
}

/** Messages one conversation may hold (its record is rewritten on every turn). */
export const MAX_CONVERSATION_MESSAGES = 200;
/** Lead messages a turn's qualification reads: the most recent ones. */
export const QUALIFY_WINDOW = 30;

export interface LeadDetails {
  name?: string;
  email?: string;
  phone?: string;
  source?: string;
  /** The lead's IANA time zone, for quiet hours. */
  timezone?: string;
}

/** What a follow-up attempt did: sent now, or held (quiet hours, opted out) with when it may go. */
export type FollowUpResult =
  | { sent: true; bot: BotName; text: string }
  | { sent: false; reason: "quiet_hours"; nextAllowedAt: string; timeZone: string }
  | { sent: false; reason: "opted_out" };

export interface TurnResult {
  conversationId: string;
  bot: BotName;
  /** The reply sent, or null when nothing may be sent (the lead opted out). */
  reply: string | null;
  handoff?: { from: BotName; to: BotName; confidence: number; reason: string };
  qualification?: Qualification;
  compliance: ComplianceAction[];
  cost: { llmMicros: number; infraMicros: number; totalMicros: number; total: string };
  cache: { qualification?: string; reply?: string };
}

export interface ConversationsDeps {
  store: ConversationStore;
  contacts: ContactStore;
  /** Sends a contact's current state to the CRM (through the outbox when there is one). */
  pushToCrm?: (tenant: string, contactId: string) => Promise<void>;
  qualifier: LeadQualifier;
  replier: BotReplier;
  clock: Clock;
  compliance: DisclosureConfig;
  handoff?: Partial<HandoffPolicy>;
  /** Quiet hours are counted in the lead's time zone, or this one when the lead gave none. */
  defaultTimeZone: string;
}

/**
 * Conversations between a lead and the Lead, Buyer and Seller bots. Each lead message is qualified
 * (cached), may hand the conversation to another bot (the domain's handoff rules), gets a reply from the
 * bot holding it, and every reply passes the compliance guard before it is stored and sent.
 */
export class Conversations {
  readonly #d: ConversationsDeps;

  constructor(deps: ConversationsDeps) {
    this.#d = deps;
  }

  /** Starts a conversation with the Lead bot; with a first message, answers it, else greets. */
  async start(tenant: string, id: string, lead: LeadDetails, firstMessage?: string): Promise<TurnResult> {
    const now = this.#d.clock.now();
    const contactId = await this.#contactOf(tenant, lead);
    const record: ConversationRecord = {
      id,
      tenant,
      ...(contactId ? { contactId } : {}),
      ...(lead.timezone ? { timeZone: lead.timezone } : {}),
      currentBot: "lead",
      visited: ["lead"],
      handoffs: [],
      messages: [],
      status: "open",
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    if (firstMessage !== undefined) {
      // Created only once the first turn has succeeded: a failed turn leaves no empty conversation behind.
      return this.#turn(record, id, firstMessage, async (c) => this.#d.store.create(c));
    }
    if (await this.#contactOptedOut(tenant, contactId)) {
      // A person who opted out in any conversation gets no greeting in a new one.
      record.status = "closed";
      await this.#d.store.create(record);
      return {
        conversationId: id,
        bot: "lead",
        reply: null,
        compliance: ["blocked_opted_out"],
        cost: zeroCost(),
        cache: {},
      };
    }
    const guarded = guardReply({
      reply: leadGreeting(lead.name),
      leadText: "",
      conversation: { isFirstOutbound: true, optedOut: false },
      cfg: this.#d.compliance,
    });
    record.messages.push({ role: "bot", bot: "lead", text: guarded.text, at: now });
    await this.#d.store.create(record);
    return {
      conversationId: id,
      bot: "lead",
      reply: guarded.text,
      compliance: guarded.actions,
      cost: zeroCost(),
      cache: {},
    };
  }

  /** Handles one message from the lead and returns the bot's (compliant) reply. */
  async send(tenant: string, id: string, requestId: string, text: string): Promise<TurnResult> {
    const conv = await this.get(tenant, id);
    return this.#turn(conv, requestId, text, (c, now) => this.#save(c, now));
  }

  /** One turn on `conv` (stored or about to be created), persisted by `persist` once it is complete. */
  async #turn(
    conv: ConversationRecord,
    requestId: string,
    text: string,
    persist: (conv: ConversationRecord, now: number) => Promise<void>,
  ): Promise<TurnResult> {
    const d = this.#d;
    const { tenant, id } = conv;
    if (conv.messages.length >= MAX_CONVERSATION_MESSAGES) {
      throw new ConversationFullError(`conversation ${id} holds ${MAX_CONVERSATION_MESSAGES} messages`);
    }
    const now = d.clock.now();
    // Opted out here, or in any other conversation of the same person.
    const optedOut = conv.status === "closed" || (await this.#contactOptedOut(tenant, conv.contactId));
    const isFirstOutbound = !conv.messages.some((m) => m.role === "bot");
    conv.messages.push({ role: "lead", bot: conv.currentBot, text, at: now });
    const consent = consentAfterInbound(optedOut ? "opted_out" : "subscribed", text);
    if (consent.consent === "opted_out") {
      // Opting out (or already out): no model call; the guard gives the one confirmation or blocks.
      const guarded = guardReply({
        reply: "",
        leadText: text,
        conversation: { isFirstOutbound, optedOut },
        cfg: d.compliance,
      });
      if (guarded.send)
        conv.messages.push({ role: "bot", bot: conv.currentBot, text: guarded.text, at: now });
      conv.status = "closed";
      // The contact's flag first: a failure here fails the turn, and the lead's next STOP repairs it.
      if (!(await this.#contactOptedOut(tenant, conv.contactId))) {
        await this.#markDoNotContact(tenant, conv.contactId, true);
      }
      await persist(conv, now);
      return {
        conversationId: id,
        bot: conv.currentBot,
        reply: guarded.send ? guarded.text : null,
        compliance: guarded.actions,
        cost: zeroCost(),
        cache: {},
      };
    }
    const leadTexts = conv.messages
      .filter((m) => m.role === "lead")
      .map((m) => m.text)
      .slice(-QUALIFY_WINDOW);
    const q = await d.qualifier.qualify({
      tenant,
      requestId,
      lead: {},
      messages: leadTexts,
      ...(conv.contactId ? { contactId: conv.contactId } : {}),
    });
    const decision = decideHandoff(
      handoffStateOf(conv),
      {
        intent: q.qualification.intent,
        confidence: q.qualification.intentConfidence,
        qualification: q.qualification,
      },
      d.handoff,
    );
    let handoff: TurnResult["handoff"];
    if (decision.handoff) {
      const next = applyHandoff(handoffStateOf(conv), decision);
      conv.currentBot = next.currentBot;
      conv.visited = [...next.visited];
      conv.handoffs.push(handoffRecordOf(decision, now));
      handoff = {
        from: decision.from,
        to: decision.to,
        confidence: decision.confidence,
        reason: decision.reason,
      };
    }
    const draft = await d.replier.reply({
      tenant,
      requestId,
      bot: conv.currentBot,
      messages: conv.messages,
      known: q.qualification,
    });
    const guarded = guardReply({
      reply: draft.text,
      leadText: text,
      conversation: { isFirstOutbound, optedOut },
      cfg: d.compliance,
    });
    if (guarded.send)
      conv.messages.push({
        role: "bot",
        bot: conv.currentBot,
        text: guarded.text,
        at: now,
        cacheKey: draft.cacheKey,
      });
    conv.status = "open";
    conv.qualification = q.qualification;
    await persist(conv, now);
    if (consent.change === "resubscribed") await this.#markDoNotContact(tenant, conv.contactId, false);
    const llm = q.cost.llmMicros + draft.cost.llmMicros;
    const infra = q.cost.infraMicros + draft.cost.infraMicros;
    return {
      conversationId: id,
      bot: conv.currentBot,
      reply: guarded.send ? guarded.text : null,
      ...(handoff ? { handoff } : {}),
      qualification: q.qualification,
      compliance: guarded.actions,
      cost: { llmMicros: llm, infraMicros: infra, totalMicros: llm + infra, total: formatUsd(llm + infra) },
      cache: { qualification: q.cache, reply: draft.cache },
    };
  }

  /**
   * A follow-up the service sends on its own (no message from the lead to answer): only between 8 am and
   * 9 pm in the lead's time zone, never to a lead who opted out; held otherwise, with the next allowed time.
   */
  async followUp(tenant: string, id: string): Promise<FollowUpResult> {
    const d = this.#d;
    const conv = await this.get(tenant, id);
    if (conv.status === "closed" || (await this.#contactOptedOut(tenant, conv.contactId))) {
      return { sent: false, reason: "opted_out" };
    }
    const now = d.clock.now();
    const timeZone = conv.timeZone ?? d.defaultTimeZone;
    if (!mayContactAt(now, timeZone)) {
      return {
        sent: false,
        reason: "quiet_hours",
        nextAllowedAt: new Date(nextAllowedAt(now, timeZone)).toISOString(),
        timeZone,
      };
    }
    const isFirstOutbound = !conv.messages.some((m) => m.role === "bot");
    const guarded = guardReply({
      reply: FOLLOW_UPS[conv.currentBot],
      leadText: "",
      conversation: { isFirstOutbound, optedOut: false },
      cfg: d.compliance,
    });
    conv.messages.push({ role: "bot", bot: conv.currentBot, text: guarded.text, at: now });
    await this.#save(conv, now);
    return { sent: true, bot: conv.currentBot, text: guarded.text };
  }

  /** The whole conversation: history, handoffs with reasons, current qualification. */
  async get(tenant: string, id: string): Promise<ConversationRecord> {
    const conv = await this.#d.store.get(tenant, id);
    if (!conv) throw new ConversationNotFoundError(`no conversation ${id}`);
    return conv;
  }

  async #save(conv: ConversationRecord, now: number): Promise<void> {
    conv.updatedAt = now;
    conv.version += 1;
    await this.#d.store.save(conv);
  }

  async #contactOf(tenant: string, lead: LeadDetails): Promise<string | undefined> {
    const input = contactInputOf(lead);
    if (!input) return undefined;
    return (await this.#d.contacts.upsert(tenant, input, this.#d.clock.now())).contact.id;
  }

  /** Records the opt-out (or resubscription) on the contact and passes it to the CRM's DND flag. */
  async #markDoNotContact(tenant: string, contactId: string | undefined, dnd: boolean): Promise<void> {
    if (!contactId) return;
    await this.#d.contacts.setDoNotContact(tenant, contactId, dnd);
    // The local flag is the source of truth; the CRM push is queued (or best effort without an outbox).
    await this.#d.pushToCrm?.(tenant, contactId);
  }

  /** True when the person behind the conversation is marked do-not-contact. */
  async #contactOptedOut(tenant: string, contactId: string | undefined): Promise<boolean> {
    if (!contactId) return false;
    return (await this.#d.contacts.get(tenant, contactId))?.doNotContact === true;
  }
}

const FOLLOW_UPS: Readonly<Record<BotName, string>> = {
  lead: "Just checking in — are you thinking of buying, selling, or both? Happy to help either way.",
  buyer:
    "Just checking in on your home search — would you like me to line up a few listings or book a showing?",
  seller: "Just checking in — would a free valuation of your home be helpful?",
};

const zeroCost = () => ({ llmMicros: 0, infraMicros: 0, totalMicros: 0, total: formatUsd(0) });
