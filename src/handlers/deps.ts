/** What handlers get from the app besides the event: the clock, the delivery log, shared caches. */
import { type BusinessCalendar, createBusinessCalendar } from "../core/calendar/index.js";
import { partnerCalendarSpec } from "../core/config/calendar-spec.js";
import type { Config } from "../core/config/index.js";
import { BoardCache } from "../github/board.js";
import { FaqCache } from "../github/faq-file.js";
import { LabelCache } from "../github/labels.js";
import type { ReporterMailer } from "../mail/notify-reporter.js";
import { KnownBoards } from "./board-sync.js";

/** Records webhook deliveries so a redelivery (same X-GitHub-Delivery id) changes nothing twice. */
export interface DeliveryLog {
  /** True the first time an id is claimed; false while or after it is handled. */
  claim(deliveryId: string): boolean;
  /** Gives an id back after a failure, so GitHub's redelivery can retry it. */
  release(deliveryId: string): void;
  /** The handling of an id finished (the app calls it after every handler). */
  complete(deliveryId: string): void;
}

export class MemoryDeliveryLog implements DeliveryLog {
  private readonly seen = new Set<string>();
  claim(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    return true;
  }
  release(id: string): void {
    this.seen.delete(id);
  }
  complete(): void {
    // In memory, a claimed id is already remembered for the life of the process.
  }
}

/** Calendars are built once per partner spec: holidays are computed per year and cached inside. */
export class CalendarCache {
  private readonly built = new Map<string, BusinessCalendar>();
  private readonly byConfig = new WeakMap<Config, Map<string, BusinessCalendar>>();

  forPartner(config: Config, partnerId: string): BusinessCalendar {
    // A sweep asks once per ticket: answer from the same config object without re-deriving the spec.
    let known = this.byConfig.get(config);
    if (!known) this.byConfig.set(config, (known = new Map()));
    let calendar = known.get(partnerId);
    if (!calendar) known.set(partnerId, (calendar = this.build(config, partnerId)));
    return calendar;
  }

  private build(config: Config, partnerId: string): BusinessCalendar {
    const spec = partnerCalendarSpec(config, partnerId);
    const key = JSON.stringify(spec);
    let calendar = this.built.get(key);
    if (!calendar) {
      calendar = createBusinessCalendar(spec);
      this.built.set(key, calendar);
    }
    return calendar;
  }
}

export interface Deps {
  now(): Date;
  /** E-mails web-form reporters when the desk first answers and when the ticket closes (SMTP_URL). */
  mailer?: ReporterMailer;
  deliveries: DeliveryLog;
  labels: LabelCache;
  calendars: CalendarCache;
  faq: FaqCache;
  /** The Projects boards the app mirrors to: read once per period, an unreachable one left alone for an hour. */
  boards: BoardCache;
  /** Repositories whose configuration named a board when last read (lets plain comments and closes skip the read elsewhere). */
  knownBoards: KnownBoards;
}

export function createDeps(overrides: Partial<Deps> = {}): Deps {
  const now = overrides.now ?? (() => new Date());
  return {
    now,
    deliveries: new MemoryDeliveryLog(),
    labels: new LabelCache(),
    calendars: new CalendarCache(),
    faq: new FaqCache(),
    // The board's hour of rest runs on the app's clock, so tests can move it.
    boards: new BoardCache(() => now().getTime()),
    knownBoards: new KnownBoards(),
    ...overrides,
  };
}
