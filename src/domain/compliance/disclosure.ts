/**
 * California DRE and bot disclosure: the first outbound message of a conversation says it comes from an
 * automated assistant and names the licensee with their 8-digit DRE license ID. Later messages do not
 * repeat it, and a reply that already carries it is never given it twice.
 */

/** Who the bot speaks for. */
export interface DisclosureConfig {
  /** The responsible broker or agent, as licensed. */
  readonly licenseeName: string;
  /** The California DRE license ID: exactly 8 digits (leading zeros kept, so a string). */
  readonly dreLicense: string;
}

/** Why a disclosure configuration was refused. */
export type DisclosureConfigErrorCode = "invalid_dre_license" | "invalid_licensee_name";

/** The outcome of validating a disclosure configuration. */
export type DisclosureConfigCheck =
  | { readonly ok: true; readonly config: DisclosureConfig }
  | { readonly ok: false; readonly code: DisclosureConfigErrorCode; readonly message: string };

/** Thrown when a disclosure is built from an invalid configuration; `code` is stable. */
export class DisclosureConfigError extends Error {
  readonly code: DisclosureConfigErrorCode;
  constructor(code: DisclosureConfigErrorCode, message: string) {
    super(message);
    this.name = "DisclosureConfigError";
    this.code = code;
  }
}

const DRE_LICENSE = /^[0-9]{8}$/;
// One line of printable text: a name with a line break or control character would garble the SMS.
const LICENSEE_NAME = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]{1,120}$/u;

/** Validates `cfg` (a license of exactly 8 ASCII digits; a one-line, non-blank name up to 120 characters). */
export function checkDisclosureConfig(cfg: DisclosureConfig): DisclosureConfigCheck {
  const licenseeName = cfg.licenseeName.trim();
  if (!LICENSEE_NAME.test(licenseeName)) {
    return { ok: false, code: "invalid_licensee_name", message: "licenseeName must be one non-blank line" };
  }
  if (!DRE_LICENSE.test(cfg.dreLicense)) {
    return { ok: false, code: "invalid_dre_license", message: "dreLicense must be exactly 8 digits" };
  }
  return { ok: true, config: { licenseeName, dreLicense: cfg.dreLicense } };
}

/** "Hi! I'm an automated assistant for <licensee> (CA DRE #<license>)." Throws DisclosureConfigError. */
export function firstContactDisclosure(cfg: DisclosureConfig): string {
  const check = checkDisclosureConfig(cfg);
  if (!check.ok) throw new DisclosureConfigError(check.code, check.message);
  return `Hi! I'm an automated assistant for ${check.config.licenseeName} (CA DRE #${check.config.dreLicense}).`;
}

/** `reply` with the disclosure prepended when it is the conversation's first outbound message. */
export function withDisclosure(reply: string, isFirstMessage: boolean, cfg: DisclosureConfig): string {
  if (!isFirstMessage) return reply;
  const disclosure = firstContactDisclosure(cfg);
  if (reply.includes(disclosure)) return reply;
  const body = reply.trim();
  return body.length === 0 ? disclosure : `${disclosure} ${body}`;
}
