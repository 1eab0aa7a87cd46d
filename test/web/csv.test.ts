import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/web/csv.js";

describe("CSV for spreadsheets", () => {
  it("starts with a UTF-8 byte order mark and ends lines with CRLF, so spreadsheet programs read Chinese correctly", () => {
    const csv = toCsv(["编号", "标题"], [[1, "退款未到账"]]);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1)).toBe("编号,标题\r\n1,退款未到账\r\n");
  });

  it("quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run as a formula", () => {
    const csv = toCsv(["a", "b", "c", "d"], [['say "hi", then', "two\nlines", "=HYPERLINK(1)", -3]]);
    expect(csv.slice(1).split("\r\n")[1]).toBe(`"say ""hi"", then","two\nlines",'=HYPERLINK(1),-3`);
  });
});
