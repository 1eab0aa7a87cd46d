import { f } from "../fields.js";
import { verb } from "../spec.js";

// Who may read the reviewer pages: sessions, revocation, API tokens.

export const accessList = verb({
  name: "access_list",
  words: ["access", "list"],
  groupDefault: true,
  incident: false,
  permission: "review",
  help: { en: "Who can read the reviewer pages now: sessions and API tokens", zh: "当前可访问审阅页面的会话和 API 令牌" },
  fields: {},
});

export const accessRevoke = verb({
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

export const accessToken = verb({
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
