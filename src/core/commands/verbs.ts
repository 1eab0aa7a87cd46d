import { f, type Localized } from "./fields.js";
import { verb, type CommandOf } from "./spec.js";

// Every verb of `/incident`, defined once. Adding a verb: add its spec here
// and its handler in src/app/handlers.ts (the type checker asks for it);
// the text grammar, the help, Discord's options and the forms follow.

const severity = f.severity({
  required: true,
  positional: "word",
  form: true,
  label: { en: "Severity", zh: "级别" },
  help: { en: "How serious it is", zh: "严重程度" },
});

const onsite = f.choice(["local", "remote"], {
  form: true,
  label: { en: "On-site visit", zh: "上门服务" },
  help: { en: "An engineer must go on site: local (same city) or remote (other region)", zh: "需要上门：local（同城）或 remote（外地）" },
});

const claim = f.flag({
  form: true,
  label: { en: "Compensation claim", zh: "赔偿要求" },
  help: { en: "The customer claims compensation (starts the settlement deadline)", zh: "客户提出赔偿要求（启动赔偿处理时限）" },
});

const declare = verb({
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

const ack = verb({
  name: "ack",
  words: ["ack"],
  aliases: { acknowledge: {} },
  incident: true,
  help: { en: "Acknowledge your page; stops escalation", zh: "确认通知，停止升级" },
  fields: {},
});

const escalate = verb({
  name: "escalate",
  words: ["escalate"],
  incident: true,
  help: { en: "Page the next step now", zh: "立即通知下一级" },
  fields: {},
});

const sev = verb({
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

const note = verb({
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

const role = verb({
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

const update = verb({
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

const done = verb({
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

const resolve = verb({
  name: "resolve",
  words: ["resolve"],
  incident: true,
  permission: "resolve",
  help: { en: "Resolve the incident", zh: "标记事件已解决" },
  fields: {
    summary: f.longText({ positional: "rest", label: { en: "Summary", zh: "总结" }, help: { en: "How it was fixed", zh: "如何解决的" } }),
  },
});

const close = verb({
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

const reopen = verb({
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

const satisfaction = f.integer({
  min: 1,
  max: 5,
  label: { en: "Satisfaction", zh: "满意度" },
  help: { en: "Customer satisfaction, 1 to 5", zh: "客户满意度，1 到 5" },
});
const comment = f.text({ maxLength: 500, label: { en: "Comment", zh: "备注" }, help: { en: "What the customer said", zh: "客户的意见" } });

const waive = verb({
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

const claimVerb = verb({
  name: "claim",
  words: ["claim"],
  incident: true,
  help: {
    en: "Record a compensation claim made after the declaration; its deadline starts now",
    zh: "记录登记后提出的赔偿要求，赔偿时限从现在开始",
  },
  fields: {},
});

const onsiteVisit = verb({
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

const accept = verb({
  name: "accept",
  words: ["customer", "accept"],
  aliases: { accept: {} },
  incident: true,
  permission: "accept",
  help: { en: "The customer accepted the fix (验收); the incident may be closed", zh: "客户已验收，可以结案" },
  fields: { satisfaction, comment },
});

const refuse = verb({
  name: "refuse",
  words: ["customer", "refuse"],
  aliases: { refuse: {} },
  incident: true,
  permission: "accept",
  help: { en: "The customer refused the fix: recorded, and the incident is reopened", zh: "客户未通过验收：记录原因并重新打开事件" },
  fields: {
    reason: f.text({
      required: true,
      positional: "rest",
      label: { en: "Reason", zh: "原因" },
      help: { en: "Why the customer refused", zh: "客户不验收的原因" },
    }),
  },
});

const callback = verb({
  name: "callback",
  words: ["customer", "callback"],
  aliases: { callback: {}, "return-call": {} },
  incident: true,
  permission: "accept",
  help: { en: "Record the return call after closing (回访): reached or not", zh: "记录结案后的回访：是否联系上客户" },
  fields: {
    outcome: f.choice(["reached", "unreached"], {
      required: true,
      positional: "word",
      label: { en: "Outcome", zh: "结果" },
      help: { en: "reached or unreached", zh: "reached（已联系上）或 unreached（未联系上）" },
    }),
    satisfaction,
    comment,
  },
});

const followupAdd = verb({
  name: "followup",
  words: ["followup", "add"],
  groupDefault: true,
  incident: true,
  help: { en: "Add a corrective action; its owner is reminded when it is due", zh: "添加整改项，到期提醒负责人" },
  fields: {
    text: f.text({
      required: true,
      positional: "rest",
      maxLength: 500,
      label: { en: "Action", zh: "整改项" },
      help: { en: "What must be done", zh: "需要做什么" },
    }),
    owner: f.person({ label: { en: "Owner", zh: "负责人" }, help: { en: "Who does it", zh: "由谁负责" } }),
    due: f.date({ label: { en: "Due", zh: "期限" }, help: { en: "Due date, YYYY-MM-DD", zh: "完成日期，YYYY-MM-DD" } }),
  },
});

const followupDone = verb({
  name: "followup_done",
  words: ["followup", "done"],
  incident: true,
  help: { en: "Mark a follow-up action done", zh: "标记整改项完成" },
  fields: {
    id: f.word({
      required: true,
      positional: "word",
      label: { en: "Follow-up", zh: "整改项" },
      help: { en: "Its id, e.g. F1", zh: "编号，如 F1" },
    }),
  },
});

const status = verb({
  name: "status",
  words: ["status"],
  incident: true,
  help: { en: "Show the incident card", zh: "显示事件卡片" },
  fields: {},
});
const timeline = verb({
  name: "timeline",
  words: ["timeline"],
  incident: true,
  help: { en: "Show the timeline", zh: "显示时间线" },
  fields: {},
});
const summary = verb({
  name: "summary",
  words: ["summary"],
  incident: true,
  help: { en: "The after-action summary, with your link to the incident page", zh: "事件总结评估，附事件页面链接" },
  fields: {},
});
const list = verb({
  name: "list",
  words: ["list"],
  aliases: { ls: {} },
  incident: false,
  help: { en: "Open incidents", zh: "未结案的事件" },
  fields: {},
});

const plan = verb({
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

const rotation = f.word({
  required: true,
  positional: "word",
  label: { en: "Rotation", zh: "轮值" },
  help: { en: "The rotation's id in the policy", zh: "策略中的轮值编号" },
});
const from = f.when({
  required: true,
  label: { en: "From", zh: "开始" },
  help: { en: "When it starts, e.g. 'sat 09:00' or 2026-12-05 09:00", zh: "开始时间，如 'sat 09:00' 或 2026-12-05 09:00" },
});
const to = f.when({
  required: true,
  label: { en: "To", zh: "结束" },
  help: { en: "When it ends, e.g. 'sun 09:00'", zh: "结束时间，如 'sun 09:00'" },
});

const oncallNow = verb({
  name: "oncall",
  words: ["oncall", "now"],
  groupDefault: true,
  incident: false,
  help: { en: "Who is on call now and who is next, per rotation", zh: "各轮值当前值班人和下一位" },
  fields: {
    rotation: f.word({
      positional: "word",
      label: { en: "Rotation", zh: "轮值" },
      help: { en: "Only this rotation", zh: "只看这个轮值" },
    }),
  },
});

const oncallList = verb({
  name: "oncall_list",
  words: ["oncall", "list"],
  incident: false,
  help: { en: "On-call overrides and swaps running or to come", zh: "当前及将来的值班替班与换班" },
  fields: {},
});

const oncallOverride = verb({
  name: "oncall_override",
  words: ["oncall", "override"],
  incident: false,
  permission: "oncall",
  help: { en: "Put someone on call for a rotation for a while, whatever the schedule says", zh: "指定某人在一段时间内替班" },
  fields: {
    rotation,
    person: f.person({
      required: true,
      positional: "word",
      label: { en: "Person", zh: "人员" },
      help: { en: "Who is on call instead", zh: "由谁替班" },
    }),
    from,
    to,
  },
});

const oncallSwap = verb({
  name: "oncall_swap",
  words: ["oncall", "swap"],
  incident: false,
  permission: "oncall",
  help: {
    en: "Swap two people's shifts on a rotation between two times: each covers the other's",
    zh: "在一段时间内交换两人的班次：互相顶替",
  },
  fields: {
    rotation,
    person: f.person({
      required: true,
      positional: "word",
      label: { en: "Person", zh: "人员" },
      help: { en: "One of the two", zh: "其中一人" },
    }),
    with: f.person({
      required: true,
      positional: "word",
      label: { en: "With", zh: "对方" },
      help: { en: "The other one", zh: "另一人" },
    }),
    from,
    to,
  },
});

const help = verb({
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
export const GROUPS: Record<string, Localized> = {
  customer: { en: "The customer's verdict on the fix, and the return call", zh: "客户验收与回访" },
  followup: { en: "Corrective actions after the incident", zh: "事后整改措施" },
  oncall: { en: "On-call rotations: who is on, overrides and swaps", zh: "值班轮值：当前值班、替班与换班" },
};

/** Every verb, in the order help lists them. */
const accessList = verb({
  name: "access_list",
  words: ["access", "list"],
  groupDefault: true,
  incident: false,
  permission: "review",
  help: { en: "Who can read the reviewer pages now: sessions and API tokens", zh: "当前可访问审阅页面的会话和 API 令牌" },
  fields: {},
});

const accessRevoke = verb({
  name: "access_revoke",
  words: ["access", "revoke"],
  incident: false,
  permission: "review",
  help: { en: "End a person's sessions and links, or an API token, at once", zh: "立即终止某人的会话和链接，或某个 API 令牌" },
  fields: {
    who: f.word({
      required: true,
      positional: "word",
      label: { en: "Person or token", zh: "人员或令牌" },
      help: { en: "A person of the policy, or an API token's name", zh: "预案中的人员，或 API 令牌的名称" },
    }),
  },
});

const accessToken = verb({
  name: "access_token",
  words: ["access", "token"],
  incident: false,
  permission: "review",
  help: {
    en: "Make a named API token (shown once); --figures reads the figures only",
    zh: "创建命名的 API 令牌（只显示一次）；--figures 只读统计",
  },
  fields: {
    token: f.word({
      required: true,
      positional: "word",
      label: { en: "Token name", zh: "令牌名称" },
      help: { en: "What the token is for, e.g. dashboard", zh: "令牌用途，如 dashboard" },
    }),
    figures: f.flag({
      label: { en: "Figures only", zh: "仅统计" },
      help: { en: "The token reads the figures only", zh: "令牌只能读取统计数据" },
    }),
  },
});

export const VERBS = [
  declare,
  ack,
  escalate,
  sev,
  note,
  role,
  update,
  done,
  waive,
  claimVerb,
  onsiteVisit,
  resolve,
  accept,
  refuse,
  close,
  callback,
  reopen,
  followupAdd,
  followupDone,
  status,
  timeline,
  summary,
  list,
  plan,
  accessList,
  accessRevoke,
  accessToken,
  oncallNow,
  oncallList,
  oncallOverride,
  oncallSwap,
  help,
] as const;

export type Verb = (typeof VERBS)[number];
export type Command = CommandOf<Verb>;
export type CommandName = Command["name"];
export type CommandFor<N extends CommandName> = Extract<Command, { name: N }>;

export function verbNamed(name: string): Verb | undefined {
  return VERBS.find((v) => v.name === name);
}
