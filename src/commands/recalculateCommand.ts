/**
 * The ribbon's Recalculate button: recompute with the choices saved in the workbook. With none
 * saved yet it opens the task pane (or, where Office cannot, says how to). One recalculation at a
 * time; every failure is shown to the user. `event.completed()` is called exactly once: when the run
 * and the message it shows are over (the dialog's OK or close — completing earlier would end the
 * command while its dialog still waits for an answer), or at COMPLETE_WITHIN_MS, before Office's
 * 5-minute limit ends the command with an error of its own.
 */
import { isChitieuError } from "../core/errors";
import { render } from "../core/messages";
import { WorkbookPort } from "../workbook/port";
import { recalculate } from "../workbook/recalculate";
import { UiLang } from "../taskpane/strings";

export interface CommandEvent {
  completed(): void;
}

export interface CommandDeps {
  /** The workbook the command works on. */
  readonly port: () => WorkbookPort;
  /** Open the task pane; false when Office cannot from a command. */
  readonly showTaskpane: () => Promise<boolean>;
  /** Tell the user something (an Office dialog in Excel). */
  readonly notify: (title: string, message: string) => Promise<void>;
  readonly lang: () => UiLang;
}

const TEXT = {
  vi: {
    firstTitle: "Chọn trang tính trước khi tính",
    firstMessage:
      "Sổ làm việc này chưa có lựa chọn đã lưu. Bấm Trang đầu › Chỉ tiêu › Mở bảng điều khiển, kiểm tra các trang tính rồi bấm Tính lại; từ lần sau nút Tính lại trên dải băng dùng lựa chọn đó.",
    errorTitle: "Không tính được",
    unexpected: (m: string) => `Lỗi không mong đợi: ${m}. Các trang tính của bạn không bị thay đổi.`,
  },
  en: {
    firstTitle: "Choose the sheets first",
    firstMessage:
      "This workbook has no saved choices yet. Click Home › Chỉ tiêu › Open panel, check the sheets and click Recalculate; from then on the ribbon's Recalculate uses those choices.",
    errorTitle: "Could not recalculate",
    unexpected: (m: string) => `Unexpected error: ${m}. Your sheets were not changed.`,
  },
} as const;

export type RecalculateCommand = (event: CommandEvent) => Promise<void>;

/**
 * Office ends a function command that has not called completed() within about five minutes. A
 * message nobody has answered by then stays open: the shared runtime (manifest <Runtimes>) keeps its
 * handler, so its OK still closes it.
 */
export const COMPLETE_WITHIN_MS = 4.5 * 60 * 1000;

export function createRecalculateCommand(deps: CommandDeps): RecalculateCommand {
  let running = false;
  return async (event) => {
    if (running) {
      // A second click while one runs (or its message is open) does nothing.
      event.completed();
      return;
    }
    running = true;
    let completed = false;
    const complete = () => {
      if (completed) return;
      completed = true;
      clearTimeout(deadline);
      event.completed();
    };
    const deadline = setTimeout(complete, COMPLETE_WITHIN_MS);
    const t = TEXT[deps.lang()];
    try {
      const port = deps.port();
      const settings = await port.loadSettings();
      if (!settings) {
        if (!(await deps.showTaskpane())) await deps.notify(t.firstTitle, t.firstMessage);
        return;
      }
      await recalculate(port, settings);
    } catch (e) {
      const message = isChitieuError(e) ? render(e.problem, { lang: deps.lang(), shell: "ribbon" }) : t.unexpected((e as Error)?.message ?? String(e));
      try {
        await deps.notify(t.errorTitle, message);
      } catch {
        console.error(`Chỉ tiêu: ${message}`);
      }
    } finally {
      running = false;
      complete();
    }
  };
}
