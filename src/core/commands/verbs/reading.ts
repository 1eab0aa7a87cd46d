import { f } from "../fields.js";
import { verb } from "../spec.js";
import { severity, onsite, claim } from "./shared-fields.js";

// The verbs that only read: status, timeline, summary, list, the plan simulator, help.

export const status = verb({
  name: "status",
  words: ["status"],
  incident: true,
  help: { en: "Show the incident card", zh: "显示事件卡片" },
  fields: {},
});

export const timeline = verb({
  name: "timeline",
  words: ["timeline"],
  incident: true,
  help: { en: "Show the timeline", zh: "显示时间线" },
  fields: {},
});

export const summary = verb({
  name: "summary",
  words: ["summary"],
  incident: true,
  help: { en: "The after-action summary, with your link to the incident page", zh: "事件总结评估，附事件页面链接" },
  fields: {},
});

export const list = verb({
  name: "list",
  words: ["list"],
  aliases: { ls: {} },
  incident: false,
  help: { en: "Open incidents", zh: "未结案的事件" },
  fields: {},
});

export const plan = verb({
  name: "plan",
  words: ["plan"],
  incident: false,
  help: { en: "Who would be paged and when each deadline falls", zh: "模拟：谁会被通知，各时限何时到期" },
  fields: {
    severity,
    kind: f.kind({ positional: "word", label: { en: "Kind", zh: "类型" }, help: { en: "What kind of incident", zh: "事件类型" } }),
    at: f.when({
      label: { en: "At", zh: "时间" },
      help: { en: "When it would be declared, e.g. 'fri 17:30'", zh: "登记时间，如 'fri 17:30'" },
    }),
    onsite,
    claim,
  },
});

export const help = verb({
  name: "help",
  words: ["help"],
  aliases: { "?": {} },
  incident: false,
  help: { en: "How to use a command", zh: "命令用法" },
  fields: {
    topic: f.text({
      positional: "rest",
      maxLength: 40,
      label: { en: "Command", zh: "命令" },
      help: { en: "The command to explain", zh: "要说明的命令" },
    }),
  },
});

/** What each group of two-word verbs is about (command trees show it). */
