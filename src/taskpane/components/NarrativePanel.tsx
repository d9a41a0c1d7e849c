/**
 * The report's paragraphs (core/narrative.ts) as the task pane and the preview show them, with a
 * Copy button that puts them on the clipboard as plain text — one paragraph per line, a blank
 * line between — ready to paste into the monthly report. Props only: no Office calls, no engine
 * calls (the clipboard is services/clipboard.ts); the shell passes the paragraphs the pipeline
 * wrote (Analysis.narrative).
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CopyRegular, CheckmarkRegular } from "@fluentui/react-icons";
import type { Lang } from "../../core/i18n";
import { copyText } from "../../services/clipboard";

// The clipboard itself is a service; exported here too, where it was first written.
export { copyText };

export interface NarrativePanelProps {
  readonly paragraphs: readonly string[];
  readonly lang: Lang;
  /** A heading above the paragraphs; the default is "Nhận xét" / "Commentary". */
  readonly title?: string;
  /** Called after a copy with whether it succeeded (for a shell's own status line or tests). */
  readonly onCopied?: (ok: boolean) => void;
  /**
   * What the paragraphs' area figures leave out (core/caveats.ts narrativeCaution), shown above
   * them. Not copied: the paragraphs go into the report as they are; the caution is for the planner.
   */
  readonly caution?: string | null;
}

const WORDS = {
  vi: {
    title: "Nhận xét",
    copy: "Sao chép",
    copied: "Đã sao chép",
    failed: "Không sao chép được: hãy chọn đoạn văn và nhấn Ctrl+C.",
    empty: "Chưa có nhận xét: hãy tính lại.",
  },
  en: {
    title: "Commentary",
    copy: "Copy",
    copied: "Copied",
    failed: "Could not copy: select the text and press Ctrl+C.",
    empty: "No commentary yet: recalculate first.",
  },
} as const;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  paragraph: { margin: 0, lineHeight: tokens.lineHeightBase300, userSelect: "text" },
  status: { color: tokens.colorNeutralForeground3 },
});

/** The plain text the Copy button puts on the clipboard. */
export function narrativeText(paragraphs: readonly string[]): string {
  return paragraphs.join("\n\n");
}

export function NarrativePanel({ paragraphs, lang, title, onCopied, caution }: NarrativePanelProps): React.JSX.Element {
  const W = WORDS[lang];
  const styles = useStyles();
  const [status, setStatus] = React.useState<"idle" | "copied" | "failed">("idle");
  // A new set of paragraphs is not yet copied.
  React.useEffect(() => setStatus("idle"), [paragraphs]);

  const onCopy = React.useCallback(async () => {
    const ok = await copyText(narrativeText(paragraphs));
    setStatus(ok ? "copied" : "failed");
    onCopied?.(ok);
  }, [paragraphs, onCopied]);

  return (
    <section className={styles.root} data-testid="narrative" aria-label={title ?? W.title}>
      <div className={styles.header}>
        <Text weight="semibold" size={400}>
          {title ?? W.title}
        </Text>
        <Button
          size="small"
          appearance="secondary"
          icon={status === "copied" ? <CheckmarkRegular /> : <CopyRegular />}
          onClick={onCopy}
          disabled={paragraphs.length === 0}
          data-testid="narrative-copy"
        >
          {status === "copied" ? W.copied : W.copy}
        </Button>
      </div>
      {caution && paragraphs.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="narrative-caution">
          <MessageBarBody>{caution}</MessageBarBody>
        </MessageBar>
      )}
      {paragraphs.length === 0 ? (
        <Text className={styles.status}>{W.empty}</Text>
      ) : (
        paragraphs.map((p, i) => (
          <p key={i} className={styles.paragraph}>
            {p}
          </p>
        ))
      )}
      <span role="status" aria-live="polite" className={styles.status}>
        {status === "failed" ? W.failed : ""}
      </span>
    </section>
  );
}
