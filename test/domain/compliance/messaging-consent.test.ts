import { describe, expect, it } from "vitest";
import { consentAfterInbound, mayMessage } from "../../../src/domain/compliance/messaging-consent.ts";

describe("messaging consent", () => {
  it("allows messages to a subscribed contact and blocks every one after an opt-out", () => {
    expect(mayMessage("subscribed")).toBe(true);
    expect(mayMessage("opted_out")).toBe(false);
  });

  it("moves a subscribed contact to opted_out on an opt-out", () => {
    expect(consentAfterInbound("subscribed", "STOP")).toEqual({ consent: "opted_out", change: "opted_out" });
  });

  it("keeps an opted-out contact opted out whatever else they send, including another STOP", () => {
    for (const text of ["STOP", "Is the house still available?", "yes"]) {
      expect(consentAfterInbound("opted_out", text)).toEqual({ consent: "opted_out", change: "unchanged" });
    }
  });

  it("resubscribes an opted-out contact who sends START or UNSTOP", () => {
    expect(consentAfterInbound("opted_out", "Start")).toEqual({
      consent: "subscribed",
      change: "resubscribed",
    });
    expect(consentAfterInbound("opted_out", "UNSTOP")).toEqual({
      consent: "subscribed",
      change: "resubscribed",
    });
  });

  it("leaves a subscribed contact subscribed on an ordinary message or START", () => {
    expect(consentAfterInbound("subscribed", "Can I stop by at 5?")).toEqual({
      consent: "subscribed",
      change: "unchanged",
    });
    expect(consentAfterInbound("subscribed", "START")).toEqual({
      consent: "subscribed",
      change: "unchanged",
    });
  });
});
