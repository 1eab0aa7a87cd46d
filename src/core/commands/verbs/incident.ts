import { f } from "../fields.js";
import { verb } from "../spec.js";
import { severity, onsite, claim } from "./shared-fields.js";

// The verbs that run an incident: declare, acknowledge, escalate, change severity, write on it, mark and waive deadlines, resolve, close, reopen.

export const declare = verb({
  name: "declare",
  words: ["declare"],
  aliases: { drill: { drill: true } },
  incident: false,
  permission: "declare",
  form: { title: { en: "Declare an incident", zh: "登记突发事件" }, submit: { en: "Declare", zh: "登记" } },
  help: {
    en: "Declare an incident: pages by severity and starts the deadlines that apply",
    zh: "登记突发事件：按级别通知并启动适用的时限",
  },
  fields: {
    severity,
    title: f.text({
      required: true,
      positional: "rest",
      form: true,
      label: { en: "Title", zh: "标题" },
      help: { en: "What is wrong, in a few words", zh: "用几个字说明问题" },
    }),
    kind: f.kind({ form: true, label: { en: "Kind", zh: "类型" }, help: { en: "What kind of incident", zh: "事件类型" } }),
    customer: f.text({
      form: true,
      maxLength: 150,
      label: { en: "Customer", zh: "客户" },
      help: { en: "The customer affected", zh: "受影响的客户" },
    }),
    region: f.text({ form: true, maxLength: 80, label: { en: "Region", zh: "地区" }, help: { en: "Where it happens", zh: "发生地区" } }),
    onsite,
    claim,
    description: f.longText({
      form: true,
      aliases: ["desc"],
      maxLength: 2000,
      label: { en: "Description", zh: "描述" },
      help: { en: "What is known so far", zh: "目前已知的情况" },
    }),
    drill: f.flag({
      form: true,
      label: { en: "Drill", zh: "演练" },
      help: { en: "A practice run, kept out of the figures", zh: "演练，不计入考核指标" },
    }),
  },
});

export const ack = verb({
  name: "ack",
  words: ["ack"],
  aliases: { acknowledge: {} },
  incident: true,
  help: { en: "Acknowledge your page; stops escalation", zh: "确认通知，停止升级" },
  fields: {},
});

export const escalate = verb({
  name: "escalate",
  words: ["escalate"],
  incident: true,
  help: { en: "Page the next step now", zh: "立即通知下一级" },
  fields: {},
});

export const sev = verb({
  name: "sev",
  words: ["sev"],
  aliases: { severity: {}, upgrade: {} },
  incident: true,
  permission: "severity",
  help: { en: "Raise or lower the severity; paging and deadlines are re-planned", zh: "调整级别，重新安排通知和时限" },
  fields: {
    severity: f.severity({
      required: true,
      positional: "word",
      label: { en: "Severity", zh: "级别" },
      help: { en: "The new severity", zh: "新的级别" },
    }),
    reason: f.text({
      required: true,
      positional: "rest",
      label: { en: "Reason", zh: "原因" },
      help: { en: "Why the severity changes", zh: "调整级别的原因" },
    }),
  },
});

export const note = verb({
  name: "note",
  words: ["note"],
  incident: true,
  form: { title: { en: "Add a note", zh: "添加记录" }, submit: { en: "Save", zh: "保存" } },
  help: { en: "Add a note to the timeline", zh: "在时间线上添加记录" },
  fields: {
    text: f.longText({
      required: true,
      positional: "rest",
      form: true,
      label: { en: "Note", zh: "记录" },
      help: { en: "What to write down", zh: "要记录的内容" },
    }),
  },
});

export const role = verb({
  name: "role",
  words: ["role"],
  incident: true,
  help: { en: "Assign a role: lead, liaison or handler", zh: "指定角色：负责人、联络人或处理人" },
  fields: {
    role: f.choice(["lead", "liaison", "handler"], {
      required: true,
      positional: "word",
      label: { en: "Role", zh: "角色" },
      help: { en: "lead, liaison or handler", zh: "lead（负责人）、liaison（联络人）或 handler（处理人）" },
    }),
    person: f.person({
      required: true,
      positional: "rest",
      label: { en: "Person", zh: "人员" },
      help: { en: "Who takes the role", zh: "担任该角色的人" },
    }),
  },
});

export const update = verb({
  name: "update",
  words: ["update"],
  incident: true,
  help: { en: "Record an update; one to the customer stops the reply deadlines", zh: "记录通报；向客户通报会停止答复时限" },
  fields: {
    audience: f.choice(["customer", "internal"], {
      required: true,
      positional: "word",
      label: { en: "For whom", zh: "通报对象" },
      help: { en: "customer or internal", zh: "customer（客户）或 internal（内部）" },
    }),
    text: f.longText({
      required: true,
      positional: "rest",
      label: { en: "Update", zh: "通报内容" },
      help: { en: "What was said", zh: "通报的内容" },
    }),
    answer: f.flag({
      label: { en: "Answer", zh: "正式答复" },
      help: {
        en: "This update is the formal answer to the complaint (meets the answer deadline)",
        zh: "此通报是对投诉的正式答复（满足答复时限）",
      },
    }),
  },
});

export const done = verb({
  name: "done",
  words: ["done"],
  incident: true,
  help: {
    en: "Mark a deadline met by hand: on-site arrival, forwarded, compensation settled",
    zh: "手动标记时限完成：到达现场、已转交、赔偿已处理",
  },
  fields: {
    deadline: f.word({
      required: true,
      positional: "word",
      label: { en: "Deadline", zh: "时限" },
      help: { en: "The deadline's key, e.g. onsite_local", zh: "时限的键，如 onsite_local" },
    }),
  },
});

export const waive = verb({
  name: "waive",
  words: ["waive"],
  incident: true,
  permission: "waive",
  help: { en: "Waive a deadline, with a reason (listed apart, never counted)", zh: "豁免一项时限并说明原因（单独列出，不计入考核）" },
  fields: {
    deadline: f.word({
      required: true,
      positional: "word",
      label: { en: "Deadline", zh: "时限" },
      help: { en: "The deadline's key, e.g. forward_department", zh: "时限的键，如 forward_department" },
    }),
    reason: f.text({
      required: true,
      positional: "rest",
      label: { en: "Reason", zh: "原因" },
      help: { en: "Why it does not apply here", zh: "为何不适用" },
    }),
  },
});

export const claimVerb = verb({
  name: "claim",
  words: ["claim"],
  incident: true,
  help: {
    en: "Record a compensation claim made after the declaration; its deadline starts now",
    zh: "记录登记后提出的赔偿要求，赔偿时限从现在开始",
  },
  fields: {},
});

export const onsiteVisit = verb({
  name: "onsite",
  words: ["onsite"],
  incident: true,
  help: { en: "Record that an on-site visit is needed; its deadline starts now", zh: "记录需要上门服务，到场时限从现在开始" },
  fields: {
    where: f.choice(["local", "remote"], {
      required: true,
      positional: "word",
      label: { en: "Where", zh: "地点" },
      help: { en: "local (same city) or remote (other region)", zh: "local（同城）或 remote（外地）" },
    }),
  },
});

export const resolve = verb({
  name: "resolve",
  words: ["resolve"],
  incident: true,
  permission: "resolve",
  help: { en: "Resolve the incident", zh: "标记事件已解决" },
  fields: {
    summary: f.longText({ positional: "rest", label: { en: "Summary", zh: "总结" }, help: { en: "How it was fixed", zh: "如何解决的" } }),
  },
});

export const close = verb({
  name: "close",
  words: ["close"],
  incident: true,
  permission: "close",
  help: {
    en: "Close a resolved incident the customer accepted; the return call starts",
    zh: "结案（事件须已解决并经客户验收），随后开始回访",
  },
  fields: {},
});

export const reopen = verb({
  name: "reopen",
  words: ["reopen"],
  incident: true,
  permission: "reopen",
  help: { en: "Reopen a resolved or closed incident", zh: "重新打开已解决或已结案的事件" },
  fields: {
    reason: f.text({
      required: true,
      positional: "rest",
      label: { en: "Reason", zh: "原因" },
      help: { en: "Why it is reopened", zh: "重新打开的原因" },
    }),
  },
});
