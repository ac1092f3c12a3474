import { WUNDER_DEMO_USER } from './users.js';

export interface Customer {
  sub: string;
  email?: string;
  phoneNumber?: string;
  name?: string;
}

/**
 * wunder's customers per tenant. Requesting an OTP for an unknown phone number or
 * e-mail address provisions a fresh customer, as the seed describes.
 */
export class CustomerDirectory {
  private readonly tenants = new Map<string, Customer[]>();
  private nextId = 1;

  constructor(tenants: string[]) {
    for (const tenant of tenants) {
      const { sub, email, phoneNumber, name } = WUNDER_DEMO_USER;
      this.tenants.set(tenant, [{ sub, email, phoneNumber, name }]);
    }
  }

  hasTenant(tenant: string): boolean {
    return this.tenants.has(tenant);
  }

  find(tenant: string, by: { email: string } | { phoneNumber: string }): Customer | undefined {
    return this.customers(tenant).find((customer) =>
      'email' in by ? customer.email === normalizeEmail(by.email) : customer.phoneNumber === by.phoneNumber,
    );
  }

  findOrCreate(tenant: string, by: { email: string } | { phoneNumber: string }): Customer {
    const existing = this.find(tenant, by);
    if (existing) return existing;
    const customer: Customer =
      'email' in by
        ? { sub: this.newSub(), email: normalizeEmail(by.email) }
        : { sub: this.newSub(), phoneNumber: by.phoneNumber };
    this.customers(tenant).push(customer);
    return customer;
  }

  private customers(tenant: string): Customer[] {
    const customers = this.tenants.get(tenant);
    if (!customers) throw new Error(`Unknown tenant ${tenant}`);
    return customers;
  }

  private newSub(): string {
    return `customer-new-${this.nextId++}`;
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
