import type { Translate } from "../lib/i18n/text";
import type { PackProblem } from "../lib/routine/pack-problem";
import {
  describePackProblem,
  describeSettingsProblem,
  packProblemPlace,
} from "../lib/settings/describe";
import type { SettingsProblem } from "../lib/settings/problem";

/** A pack's problems, each at its path, in the panel's language. */
function PackProblemItems(props: { t: Translate; problems: PackProblem[] }) {
  const { t } = props;
  return (
    <>
      {props.problems.map((p, i) => (
        <li key={i}>
          <code>{packProblemPlace(p, t)}</code>: {describePackProblem(p, t)}
        </li>
      ))}
    </>
  );
}

/** Settings that are not used, each under its key; a rejected pack lists its own problems. */
export function SettingsProblems(props: {
  t: Translate;
  heading: string;
  testId: string;
  problems: SettingsProblem[];
}) {
  const { t, problems } = props;
  if (problems.length === 0) return null;
  return (
    <div class="error" role="alert" data-testid={props.testId}>
      <p>{props.heading}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <code>{p.key}</code>:{" "}
            {p.code === "pack-rejected" ? (
              <>
                {t("settingsProblem.pack-rejected")}
                <ul>
                  <PackProblemItems t={t} problems={p.problems} />
                </ul>
              </>
            ) : (
              describeSettingsProblem(p, t)
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Why a pack was not taken (an import, or the coach's stored pack). */
export function PackProblems(props: { t: Translate; problems: PackProblem[] }) {
  const { t, problems } = props;
  if (problems.length === 0) return null;
  return (
    <div class="error" role="alert" data-testid="pack-problems">
      <p>{t("packRejected")}</p>
      <ul>
        <PackProblemItems t={t} problems={problems} />
      </ul>
    </div>
  );
}
