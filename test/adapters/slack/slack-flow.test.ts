import { afterEach, describe, expect, it } from "vitest";
import { slackHarness, user, type SlackHarness } from "./slack-harness.js";

let h: SlackHarness;
afterEach(async () => h?.close());

const blocksOf = (m: { blocks?: unknown[] }) => JSON.stringify(m.blocks ?? []);

async function declared(text = "declare urgent Checkout down --kind complaint") {
  await h.slack.command(text, user("dana"));
  await h.settle();
  const channel = h.fake.channelNamed(String(h.fake.callsTo("conversations.create").at(-1)!.args.name))!;
  return channel;
}

describe("an incident run from Slack", () => {
  it("opens a modal for /incident alone and declares from its submission", async () => {
    h = await slackHarness();
    await h.slack.command("", user("dana"), { id: "CSUPPORT", name: "support" });
    await h.settle();
    const opened = h.fake.callsTo("views.open");
    expect(opened).toHaveLength(1);
    const view = opened[0]!.args.view as { callback_id: string; private_metadata: string; blocks: Array<{ block_id: string }> };
    expect(view.blocks.map((b) => b.block_id)).toEqual([
      "severity",
      "title",
      "kind",
      "customer",
      "region",
      "onsite",
      "claim",
      "description",
      "drill",
    ]);

    const empty = await h.slack.submit(user("dana"), view, {
      title: { type: "plain_text_input", value: " " },
      severity: { type: "static_select", selected_option: null },
    });
    expect(JSON.parse(empty.body)).toMatchObject({
      response_action: "errors",
      errors: { title: expect.any(String), severity: expect.any(String) },
    });
    expect(h.fake.callsTo("conversations.create")).toHaveLength(0);

    const ok = await h.slack.submit(user("dana"), view, {
      title: { type: "plain_text_input", value: "Refund portal down" },
      severity: { type: "static_select", selected_option: { value: "important" } },
      kind: { type: "static_select", selected_option: { value: "system" } },
      customer: { type: "plain_text_input", value: "ACME" },
      drill: { type: "checkboxes", selected_options: [] },
    });
    expect(ok.status).toBe(200);
    await h.settle();
    const incident = (await h.store.list({ limit: 10 }))[0]!;
    expect(incident).toMatchObject({ title: "Refund portal down", severity: "important", kind: "system", drill: false });
    expect(h.fake.channelNamed("inc-1-refund-portal-down")).toBeDefined();
    const told = h.fake.callsTo("chat.postEphemeral").at(-1)!.args;
    expect(told).toMatchObject({ channel: "CSUPPORT", user: "UDANA" });
    expect(String(told.text)).toMatch(/INC-1 declared/);
  });

  it("declares from the form with an on-site visit and a compensation claim, starting their deadlines", async () => {
    h = await slackHarness();
    await h.slack.command("declare urgent", user("dana"), { id: "CSUPPORT", name: "support" });
    await h.settle();
    const view = h.fake.callsTo("views.open")[0]!.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: Array<{ block_id: string; element: Record<string, unknown> }>;
    };
    expect(view.blocks.find((b) => b.block_id === "severity")!.element.initial_option).toMatchObject({ value: "urgent" });
    await h.slack.submit(user("dana"), view, {
      title: { type: "plain_text_input", value: "Fridge broke" },
      severity: { type: "static_select", selected_option: { value: "urgent" } },
      onsite: { type: "static_select", selected_option: { value: "local" } },
      claim: { type: "checkboxes", selected_options: [{ value: "yes" }] },
    });
    await h.settle();
    const [incident] = await h.store.list({ limit: 1 });
    expect(incident).toMatchObject({ title: "Fridge broke", onsite: "local", claim: true });
    expect(incident!.clocks.map((c) => c.key)).toEqual(expect.arrayContaining(["onsite_local", "compensation"]));
  });

  it("adds a suffix when the channel name is taken", async () => {
    h = await slackHarness();
    h.fake.channels.set("CTAKEN", {
      id: "CTAKEN",
      name: "inc-1-checkout-down",
      topic: "",
      members: new Set(),
      archived: false,
      pins: new Set(),
      messages: [],
    });
    const channel = await declared();
    expect(channel.name).toBe("inc-1-checkout-down-2");
    expect(h.fake.callsTo("conversations.create").map((c) => c.args.name)).toEqual(["inc-1-checkout-down", "inc-1-checkout-down-2"]);
    const incident = (await h.store.list({ limit: 1 }))[0]!;
    expect(incident.room?.channelId).toBe(channel.id);
  });

  it("still opens -2 when the name is taken and Slack refuses to list channels (an app without channels:read)", async () => {
    h = await slackHarness();
    h.fake.channels.set("CTAKEN", {
      id: "CTAKEN",
      name: "inc-1-checkout-down",
      creator: h.fake.botUserId,
      topic: "",
      members: new Set(),
      archived: false,
      pins: new Set(),
      messages: [],
    });
    h.fake.fail({ method: "conversations.list", times: 1, error: "missing_scope" });
    const channel = await declared();
    expect(channel.name).toBe("inc-1-checkout-down-2");
  });

  it("takes the channel Slack created when the answer to conversations.create was lost, instead of opening -2", async () => {
    h = await slackHarness();
    h.fake.fail({ method: "conversations.create", times: 1, lost: true });
    await h.slack.command("declare urgent Checkout down --kind complaint", user("dana"));
    await h.settle();
    await h.advance(5); // the outbox retries a delivery whose answer never came
    const rooms = [...h.fake.channels.values()].filter((c) => c.name.startsWith("inc-1"));
    expect(rooms.map((c) => c.name)).toEqual(["inc-1-checkout-down"]);
    expect(h.fake.callsTo("conversations.create").length).toBeGreaterThan(1);
    const incident = (await h.store.list({ limit: 1 }))[0]!;
    expect(incident.room?.channelId).toBe(rooms[0]!.id);
    expect([...rooms[0]!.members]).toEqual(expect.arrayContaining(["UDANA", "ULEE"]));
    expect(rooms[0]!.messages.some((m) => JSON.stringify(m.blocks ?? []).includes("beacon_acknowledge"))).toBe(true);
  });

  it("records the acknowledge click on a page, updates the page and the card, and stops the escalation", async () => {
    h = await slackHarness();
    const channel = await declared();
    const dm = h.fake.channels.get("DULEE")!;
    const page = dm.messages[0]!;
    const button = (JSON.parse(blocksOf(page)) as Array<{ elements?: Array<{ action_id: string; value: string }> }>)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === "beacon_ack_page")!;

    const click = await h.slack.click(user("lee"), { channel: dm.id, ts: page.ts }, { action_id: button.action_id, value: button.value });
    expect(click.status).toBe(200);
    await h.settle();

    const incident = (await h.store.list({ limit: 1 }))[0]!;
    expect(incident.status).toBe("acknowledged");
    expect(blocksOf(page)).not.toContain("beacon_ack_page");
    expect(page.text + blocksOf(page)).toMatch(/Lee Zhang/);
    expect(blocksOf(channel.messages[0]!)).not.toContain("beacon_acknowledge");
    const pages = () => h.fake.callsTo("chat.postMessage").filter((c) => JSON.stringify(c.args).includes("beacon_ack_page")).length;
    const pagesBefore = pages();
    await h.advance(120);
    expect(pages()).toBe(pagesBefore); // nobody else paged (a missed reply deadline is reported to the leadership, not paged)
  });

  it("refuses an acknowledge click from someone who was not paged, with an ephemeral answer", async () => {
    h = await slackHarness();
    await declared();
    const dm = h.fake.channels.get("DULEE")!;
    const button = (JSON.parse(blocksOf(dm.messages[0]!)) as Array<{ elements?: Array<{ action_id: string; value: string }> }>).flatMap(
      (b) => b.elements ?? [],
    )[0]!;
    await h.slack.click(user("lin"), { channel: dm.id, ts: dm.messages[0]!.ts }, { action_id: button.action_id, value: button.value });
    await h.settle();
    expect((await h.store.list({ limit: 1 }))[0]!.status).toBe("declared");
    const answer = h.fake.responses.at(-1)!.body;
    expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: false });
  });

  it("answers an Acknowledge click for an unknown incident, an unreadable button and a page someone else acknowledged with one ephemeral line each", async () => {
    h = await slackHarness();
    await declared();
    const pageButton = (dmId: string) => {
      const dm = h.fake.channels.get(dmId)!;
      const value = (JSON.parse(blocksOf(dm.messages[0]!)) as Array<{ elements?: Array<{ value: string }> }>).flatMap(
        (b) => b.elements ?? [],
      )[0]!.value;
      return { where: { channel: dm.id, ts: dm.messages[0]!.ts }, value };
    };
    const click = async (who: string, where: { channel: string; ts: string }, value: string) => {
      const before = h.fake.responses.length;
      await h.slack.click(user(who), where, { action_id: "beacon_ack_page", value });
      await h.settle();
      const answers = h.fake.responses.slice(before).map((r) => r.body);
      expect(answers).toHaveLength(1);
      expect(answers[0]).toMatchObject({ response_type: "ephemeral", replace_original: false });
      return String(answers[0]!.text);
    };
    const lee = pageButton("DULEE");
    const max = pageButton("DUMAX"); // clicked after Lee acknowledged (its button is then removed, but a stale client still shows it)
    expect(await click("lee", lee.where, JSON.stringify({ i: "00000000-0000-4000-8000-999999999999", p: "x" }))).toMatch(
      /does not name an incident/,
    );
    expect(await click("lee", lee.where, "not json")).toMatch(/does not name an incident/);
    expect(await click("lee", lee.where, lee.value)).toMatch(/You acknowledged INC-1/);
    expect(await click("max", max.where, max.value)).toMatch(/already acknowledged by Lee Zhang/);
    expect(h.logs.filter((l) => /error/.test(l))).toEqual([]);
  });

  it("shows each person's waiting pages and open incidents on the App Home tab, and acknowledges from there", async () => {
    h = await slackHarness();
    const channel = await declared();
    const open = async (who: string) => {
      await h.slack.event({ type: "app_home_opened", user: user(who).id, channel: `D${user(who).id}`, tab: "home" });
      await h.settle();
      return JSON.stringify(h.fake.homes.get(user(who).id)!.blocks);
    };
    const lee = await open("lee");
    expect(lee).toContain("Pages waiting for you");
    expect(lee).toContain("beacon_ack_page");
    expect(lee).toContain(`<#${channel.id}>`);
    const dana = await open("dana");
    expect(dana).not.toContain("beacon_ack_page");
    expect(dana).toContain("INC-1");

    const blocks = h.fake.homes.get("ULEE")!.blocks as Array<{ accessory?: { action_id: string; value: string } }>;
    const button = blocks.find((b) => b.accessory?.action_id === "beacon_ack_page")!.accessory!;
    await h.slack.clickInHome(user("lee"), { action_id: button.action_id, value: button.value });
    await h.settle();
    expect((await h.store.list({ limit: 1 }))[0]!.status).toBe("acknowledged");
    const after = JSON.stringify(h.fake.homes.get("ULEE")!.blocks);
    expect(after).toMatch(/You acknowledged INC-1/);
    expect(after).not.toContain("beacon_ack_page");

    h.fake.users.add("UGUEST");
    await h.slack.event({ type: "app_home_opened", user: "UGUEST", channel: "DUGUEST", tab: "home" });
    await h.settle();
    expect(JSON.stringify(h.fake.homes.get("UGUEST")!.blocks)).toMatch(/policy does not know you/);
  });

  it("posts reminders in the channel and pages the next step when nobody acknowledges", async () => {
    h = await slackHarness();
    const channel = await declared();
    const before = channel.messages.length;
    await h.advance(60);
    const posted = channel.messages.slice(before).map((m) => m.text);
    expect(posted.some((t) => /escalat/i.test(t))).toBe(true);
    expect(posted.some((t) => /remind|due|overdue|missed/i.test(t))).toBe(true);
    // The next step reached the leadership group by direct message.
    expect(h.fake.channels.get("DUADA")?.messages.length ?? 0).toBeGreaterThan(0);
    // Mentions are Slack mentions, not policy ids.
    expect(posted.join("\n")).not.toMatch(/@\{/);
  });

  it("mentions a paged group by its Slack user group in the channel and still pages each member directly", async () => {
    const { slackPolicy } = await import("./slack-harness.js");
    const base = slackPolicy();
    h = await slackHarness({
      policy: { ...base, groups: { ...base.groups, experts: { ...base.groups.experts!, ids: { slack: "SEXPERTS" } } } },
    });
    const channel = await declared();
    const paging = channel.messages.map((m) => m.text).find((t) => /Paging step 1/.test(t))!;
    expect(paging).toContain("<!subteam^SEXPERTS>");
    expect(paging).toContain("<@ULEE>");
    expect(paging).not.toContain("<@UEVA>");
    for (const expert of base.groups.experts!.members)
      expect(h.fake.channels.get(`D${base.people[expert]!.ids.slack}`)?.messages.length, expert).toBe(1);
  });

  it("puts a message marked with 📌 on the timeline once, with its author and permalink, and ignores Beacon's own posts", async () => {
    h = await slackHarness();
    const channel = await declared();
    const said = h.fake.userPosts(channel.id, "USAM", "Root cause: the payment gateway certificate expired");
    const reaction = {
      type: "reaction_added",
      user: "ULEE",
      reaction: "pushpin",
      item_user: "USAM",
      item: { type: "message", channel: channel.id, ts: said.ts },
    };
    await h.slack.event(reaction, { eventId: "Ev-pin-1" });
    await h.slack.event(reaction, { eventId: "Ev-pin-1", retryNum: 1 }); // Slack redelivers
    await h.slack.event({
      type: "reaction_added",
      user: "ULEE",
      reaction: "pushpin",
      item: { type: "message", channel: channel.id, ts: channel.messages[0]!.ts },
    });
    await h.settle();
    const incident = (await h.store.list({ limit: 1 }))[0]!;
    const notes = (await h.store.timeline(incident.id)).filter((e) => e.type === "note");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.data).toMatchObject({ text: "Root cause: the payment gateway certificate expired" });
    expect(JSON.stringify(notes[0])).toContain(`https://fake.slack.com/archives/${channel.id}/p`);
    expect(notes[0]!.actor).toMatchObject({ personId: "sam" });
  });

  it("resolves and closes from the channel, posts the summary and archives the channel when the policy says so", async () => {
    const { slackPolicy } = await import("./slack-harness.js");
    const base = slackPolicy();
    h = await slackHarness({ policy: { ...base, room: { ...base.room, archiveOnClose: true } } });
    const channel = await declared();
    await h.slack.command("resolve Certificate renewed", user("lee"), { id: channel.id, name: channel.name });
    await h.settle();
    await h.slack.command("accept --satisfaction 5", user("dana"), { id: channel.id, name: channel.name });
    await h.settle();
    await h.slack.command("close", user("dana"), { id: channel.id, name: channel.name });
    await h.settle();
    expect((await h.store.list({ limit: 1 }))[0]!.status).toBe("closed");
    expect(channel.messages.map((m) => m.text).join("\n")).toMatch(/Resolved by/);
    const summary = channel.messages.at(-1)!; // posted before the archive
    expect(summary.text).toMatch(/^INC-1 Checkout down — After-action summary/);
    const blocks = summary.blocks as Array<{ type: string; text?: { text: string } }>;
    expect(blocks[0]).toMatchObject({ type: "header", text: { text: "INC-1 Checkout down — After-action summary" } });
    expect(blocks.map((b) => b.type)).toEqual(expect.arrayContaining(["section", "table"]));
    expect(JSON.stringify(blocks)).not.toMatch(/\| --- \||\*\*/); // no Markdown table or bold that mrkdwn would show raw
    expect(channel.archived).toBe(true);
    await h.slack.command("summary #1", user("dana"));
    await h.settle();
    expect(String(h.fake.responses.at(-1)!.body.text)).toMatch(/INC-1/);
  });
});
