import { f } from "../fields.js";
import { verb } from "../spec.js";

// The customer's side after the fix (acceptance, refusal, the return call) and the follow-ups.

const satisfaction = f.integer({
  min: 1,
  max: 5,
  label: { en: "Satisfaction", zh: "满意度" },
  help: { en: "Customer satisfaction, 1 to 5", zh: "客户满意度，1 到 5" },
});

const comment = f.text({ maxLength: 500, label: { en: "Comment", zh: "备注" }, help: { en: "What the customer said", zh: "客户的意见" } });

export const accept = verb({
  name: "accept",
  words: ["customer", "accept"],
  aliases: { accept: {} },
  incident: true,
  permission: "accept",
  help: { en: "The customer accepted the fix (验收); the incident may be closed", zh: "客户已验收，可以结案" },
  fields: { satisfaction, comment },
});

export const refuse = verb({
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

export const callback = verb({
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

export const followupAdd = verb({
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

export const followupDone = verb({
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
