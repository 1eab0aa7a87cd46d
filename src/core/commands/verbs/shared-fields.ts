import { f } from "../fields.js";

// Fields more than one verb takes: a severity, an on-site visit, a compensation claim.

export const severity = f.severity({
  required: true,
  positional: "word",
  form: true,
  label: { en: "Severity", zh: "级别" },
  help: { en: "How serious it is", zh: "严重程度" },
});

export const onsite = f.choice(["local", "remote"], {
  form: true,
  label: { en: "On-site visit", zh: "上门服务" },
  help: { en: "An engineer must go on site: local (same city) or remote (other region)", zh: "需要上门：local（同城）或 remote（外地）" },
});

export const claim = f.flag({
  form: true,
  label: { en: "Compensation claim", zh: "赔偿要求" },
  help: { en: "The customer claims compensation (starts the settlement deadline)", zh: "客户提出赔偿要求（启动赔偿处理时限）" },
});
