import { Icon } from "./Icon";
import type { Translate } from "../lib/i18n/text";
import { memo } from "./memo";

/** Always in reach while the call runs: one click, the meeting tab as evidence. */
export const CaptureButton = memo(function CaptureButton(props: {
  t: Translate;
  busy: boolean;
  needsPermission: boolean;
  onCapture: () => void;
  onGrant: () => void;
}) {
  const { t } = props;
  return (
    <div class="capture">
      <button
        type="button"
        class="big capture-button"
        aria-label={props.t("screenshotLabel")}
        aria-keyshortcuts="Alt+Shift+S"
        aria-busy={props.busy ? "true" : undefined}
        disabled={props.busy}
        onClick={props.onCapture}
      >
        <span class="with-icon">
          <Icon name="camera" /> {t("screenshot")}
        </span>{" "}
        {/* A hint beside the label, not part of it (WCAG 2.5.3): in brackets, and told to
            assistive technology by aria-keyshortcuts. */}
        <span class="kbd">(Alt+Shift+S)</span>
      </button>
      {props.needsPermission && (
        <div class="grant">
          <p class="hint">{t("grantCaptureWhy")}</p>
          <button type="button" class="big secondary" onClick={props.onGrant}>
            {t("grantCapture")}
          </button>
        </div>
      )}
    </div>
  );
});
