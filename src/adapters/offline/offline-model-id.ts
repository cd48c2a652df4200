/**
 * The model id the offline adapter reports. It must equal OFFLINE_MODEL_ID in src/domain/models.ts
 * (adapters import ports only, so the value is repeated here; a test keeps the two equal).
 */
export const OFFLINE_RULES_MODEL_ID = "offline-rules-v1";
