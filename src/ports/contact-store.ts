export interface ContactInput {
  email?: string;
  phone?: string;
  firstName?: string;
  lastName?: string;
  source?: string;
  tags?: string[];
}

export interface ContactRecord {
  id: string;
  tenant: string;
  email?: string;
  phone?: string;
  firstName?: string;
  lastName?: string;
  source?: string;
  tags: string[];
  doNotContact: boolean;
  crmId?: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * Contacts, one per person per tenant. Identity is the lower-cased email, else the phone's digits:
 * upserting the same person twice updates one record (fields given overwrite, tags are merged).
 */
export interface ContactStore {
  upsert(
    tenant: string,
    input: ContactInput,
    now: number,
  ): Promise<{ contact: ContactRecord; created: boolean }>;
  get(tenant: string, id: string): Promise<ContactRecord | undefined>;
  setCrmId(tenant: string, id: string, crmId: string): Promise<void>;
  setDoNotContact(tenant: string, id: string, doNotContact: boolean): Promise<void>;
  /** Erases the contact; true when it existed. */
  delete(tenant: string, id: string): Promise<boolean>;
}

export const CONTACT_STORE = Symbol.for("eh.ContactStore");
