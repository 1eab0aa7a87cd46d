import { f } from "../fields.js";
import { verb } from "../spec.js";

// On-call rotations: who is on, overrides and swaps.

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

export const oncallNow = verb({
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

export const oncallList = verb({
  name: "oncall_list",
  words: ["oncall", "list"],
  incident: false,
  help: { en: "On-call overrides and swaps running or to come", zh: "当前及将来的值班替班与换班" },
  fields: {},
});

export const oncallOverride = verb({
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

export const oncallSwap = verb({
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

export const oncallCancel = verb({
  name: "oncall_cancel",
  words: ["oncall", "cancel"],
  incident: false,
  permission: "oncall",
  help: {
    en: "Take back an override or a swap (either half of a swap takes back both): the schedule applies again",
    zh: "取消一次替班或换班（取消换班的任一半即取消整个换班），恢复按排班值班",
  },
  fields: {
    override: f.word({
      required: true,
      positional: "word",
      label: { en: "Override", zh: "替班" },
      help: { en: "Its reference, as `oncall list` shows it", zh: "编号，见 `oncall list`" },
    }),
  },
});
