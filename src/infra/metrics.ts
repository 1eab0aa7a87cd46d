import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { NewEntry } from "../core/timeline.js";
import type { CommandOutcome, DeliveryOutcome, Metrics } from "../ports/metrics.js";

/** Backlog figures read when Prometheus scrapes (never on the command path). */
export interface Depth {
  /** Ledger timers not fired yet, and those of them already due (a backlog). */
  ledger(): Promise<{ pending: number; due: number }>;
  /** BullMQ jobs by state (production only). */
  queue?(): Promise<Record<string, number>>;
  /** Each chat platform's connection: true when it can receive and send. */
  chats?(): Record<string, boolean>;
}

/**
 * The Prometheus side of the Metrics port, one registry per process. Served
 * as text at `/metrics` by the web process, the one-process mode and the
 * worker. Series are prefixed `beacon_`; Node's own (memory, event-loop lag)
 * come with prom-client's defaults.
 */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly commands = new Counter({
    name: "beacon_commands_total",
    help: "Commands run, by verb and outcome (ok, rejected: a usage or permission problem, unavailable: the database was down, failed: a bug, logged with a reference)",
    labelNames: ["verb", "outcome"],
    registers: [this.registry],
  });
  private readonly pages = new Counter({
    name: "beacon_pages_total",
    help: "People paged (each escalation step counts each person it pages)",
    registers: [this.registry],
  });
  private readonly acks = new Counter({ name: "beacon_acknowledgements_total", help: "Pages acknowledged", registers: [this.registry] });
  private readonly timeToAck = new Histogram({
    name: "beacon_time_to_acknowledge_seconds",
    help: "From declaration to the first acknowledgement",
    buckets: [30, 60, 120, 300, 600, 900, 1800, 3600, 7200],
    registers: [this.registry],
  });
  private readonly deadlines = new Counter({
    name: "beacon_deadlines_total",
    help: "Response deadlines settled, by clock and outcome (met, missed)",
    labelNames: ["clock", "outcome"],
    registers: [this.registry],
  });
  private readonly deliveries = new Counter({
    name: "beacon_deliveries_total",
    help: "Chat delivery attempts, by what was delivered and outcome (sent, retrying: failed and will be retried, failed: given up and recorded on the timeline)",
    labelNames: ["what", "outcome"],
    registers: [this.registry],
  });
  private readonly lateness = new Histogram({
    name: "beacon_timer_lateness_seconds",
    help: "How long after its due time a timer was picked up, by kind",
    labelNames: ["kind"],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60, 300],
    registers: [this.registry],
  });

  constructor(depth?: Depth) {
    collectDefaultMetrics({ register: this.registry });
    if (!depth) return;
    const read = (async () => depth.ledger()) as () => Promise<{ pending: number; due: number }>;
    let latest: Promise<{ pending: number; due: number }> | undefined;
    // One ledger read per scrape serves both gauges.
    const ledger = () => (latest ??= read().finally(() => setTimeout(() => (latest = undefined), 0)));
    new Gauge({
      name: "beacon_timers_pending",
      help: "Timers in the ledger not fired yet (reminders, escalations, deadlines, deliveries)",
      registers: [this.registry],
      async collect() {
        this.set((await ledger()).pending);
      },
    });
    new Gauge({
      name: "beacon_timers_due",
      help: "Pending timers already due: a backlog that grows when workers fall behind",
      registers: [this.registry],
      async collect() {
        this.set((await ledger()).due);
      },
    });
    if (depth.queue) {
      const queue = depth.queue;
      new Gauge({
        name: "beacon_queue_jobs",
        help: "BullMQ jobs by state",
        labelNames: ["state"],
        registers: [this.registry],
        async collect() {
          for (const [state, n] of Object.entries(await queue())) this.set({ state }, n);
        },
      });
    }
    if (depth.chats) {
      const chats = depth.chats;
      new Gauge({
        name: "beacon_chat_connected",
        help: "1 when the chat platform is reachable and accepts Beacon's credentials",
        labelNames: ["platform"],
        registers: [this.registry],
        collect() {
          for (const [platform, ok] of Object.entries(chats())) this.set({ platform }, ok ? 1 : 0);
        },
      });
    }
  }

  command(verb: string, outcome: CommandOutcome): void {
    this.commands.inc({ verb, outcome });
  }

  committed(entries: readonly NewEntry[]): void {
    for (const e of entries) {
      if (e.type === "paged") this.pages.inc(e.data.personIds.length);
      else if (e.type === "acknowledged") {
        this.acks.inc();
        this.timeToAck.observe(e.data.afterMinutes * 60);
      } else if (e.type === "deadline_met") this.deadlines.inc({ clock: e.data.clock, outcome: "met" });
      else if (e.type === "deadline_missed") this.deadlines.inc({ clock: e.data.clock, outcome: "missed" });
    }
  }

  delivery(what: string, outcome: DeliveryOutcome): void {
    this.deliveries.inc({ what, outcome });
  }

  timerFired(kind: string, lateSeconds: number): void {
    this.lateness.observe({ kind }, Math.max(0, lateSeconds));
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
