/** Counts every write the service makes to its stores, ledger and cache tiers: a rejected request makes none. */
import { type MockInstance, vi } from "vitest";
import type { Service } from "../../../src/app/service.ts";
import { CONTACT_STORE } from "../../../src/ports/contact-store.ts";
import { CONVERSATION_STORE } from "../../../src/ports/conversation-store.ts";
import { COST_LEDGER } from "../../../src/ports/cost-ledger.ts";
import { ERASURE_LOG } from "../../../src/ports/erasure-log.ts";
import { LEAD_STORE } from "../../../src/ports/lead-store.ts";

const WRITES: ReadonlyArray<[symbol, readonly string[]]> = [
  [CONTACT_STORE, ["upsert", "setCrmId", "setDoNotContact", "delete"]],
  [LEAD_STORE, ["save", "deleteByContact"]],
  [CONVERSATION_STORE, ["create", "save", "deleteByContact"]],
  [COST_LEDGER, ["record"]],
  [ERASURE_LOG, ["record"]],
];

/** The writes made since the last reset. */
export interface WriteCount {
  /** One "<port>.<method>" per write since the last reset, e.g. "eh.ContactStore.upsert". */
  since(): string[];
  reset(): void;
}

/** Spies (calling through) on the write methods of the very store and tier instances the domain holds. */
export function countStoreWrites(service: Service): WriteCount {
  const spies: Array<[string, MockInstance]> = [];
  const watch = (target: object, label: string, methods: readonly string[]) => {
    for (const m of methods) {
      spies.push([`${label}.${m}`, vi.spyOn(target as Record<string, () => unknown>, m)]);
    }
  };
  const c = service.composition.container;
  for (const [token, methods] of WRITES) watch(c.get<object>(token), token.description ?? "?", methods);
  for (const { tier } of service.composition.tierBindings) {
    watch(tier, `cache.${tier.name}`, ["set", "delete", "deleteTenant"]);
  }
  return {
    since: () => spies.flatMap(([label, spy]) => spy.mock.calls.map(() => label)),
    reset: () => {
      for (const [, spy] of spies) spy.mockClear();
    },
  };
}
