// Preload (`node --import ./test/helpers/shift-date.mjs`) that moves the
// process's idea of "now" to SHIFT_DATE_TO (an ISO instant) and lets it run
// from there, like Debian's faketime does for a whole process. Used to prove
// that nothing Beacon prints depends on today's date.
const target = Date.parse(process.env.SHIFT_DATE_TO ?? "");
if (!Number.isNaN(target)) {
  const RealDate = Date;
  const offset = target - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
