#!/usr/bin/env bash
# Keeps the streaming jobs (wind, landing) on the session cluster: every SUBMIT_CHECK_EVERY seconds
# (30) it submits each job that is neither running, restarting nor scheduled there (never
# submitted, failed for good, or lost with a restarted JobManager), so a job is never run twice and
# never stays down. Each job resumes from the newest retained checkpoint in its checkpoint
# directory (shared with the JobManager and the TaskManagers). SUBMIT_ONCE=true checks once and
# exits. Settings come from the environment: WIND_* and LANDING_* (see flink-pipelines).
set -euo pipefail
JAR=/opt/flink/usrlib/flink-pipelines-job.jar
MASTER="${FLINK_JOBMANAGER:-flink-jobmanager:8081}"
EVERY="${SUBMIT_CHECK_EVERY:-30}"

submit() {
  local name="$1" main="$2"
  if ! grep -qF "$name" <<<"$listed"; then
    echo "submitting: $name"
    # A refused submission (JobManager restarting, no free slot) is tried again at the next check.
    flink run -d -m "$MASTER" -c "$main" "$JAR" || echo "submitting $name failed" >&2
  fi
}

while true; do
  # Without flags, "flink list" shows the running, restarting and scheduled jobs.
  if listed="$(flink list -m "$MASTER" 2>/dev/null)"; then
    submit "wind: RichSensorWind -> WriteSensorWind" io.controlautogeneracion.pipelines.wind.WindJob
    submit "landing: panel, sensor-light -> hour files" io.controlautogeneracion.pipelines.landing.LandingJob
  else
    echo "JobManager $MASTER not reachable, next check in $EVERY s" >&2
  fi
  [ "${SUBMIT_ONCE:-false}" = true ] && break
  sleep "$EVERY"
done
