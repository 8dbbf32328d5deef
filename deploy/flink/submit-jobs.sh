#!/usr/bin/env bash
# Submits the streaming jobs (wind, landing) to the session cluster unless a job of the same name
# is already running, so a restart of this container never runs a job twice. Each job resumes from
# the newest retained checkpoint in its checkpoint directory (shared with the JobManager and the
# TaskManagers). Settings come from the environment: WIND_* and LANDING_* (see flink-pipelines).
set -euo pipefail
JAR=/opt/flink/usrlib/flink-pipelines-job.jar
MASTER="${FLINK_JOBMANAGER:-flink-jobmanager:8081}"

for attempt in $(seq 1 60); do
  if running="$(flink list -r -m "$MASTER" 2>/dev/null)"; then break; fi
  [ "$attempt" = 60 ] && { echo "JobManager $MASTER not reachable" >&2; exit 1; }
  sleep 2
done

submit() {
  local name="$1" main="$2"
  if grep -qF "$name" <<<"$running"; then
    echo "already running: $name"
  else
    echo "submitting: $name"
    flink run -d -m "$MASTER" -c "$main" "$JAR"
  fi
}

submit "wind: RichSensorWind -> WriteSensorWind" io.controlautogeneracion.pipelines.wind.WindJob
submit "landing: panel, sensor-light -> hour files" io.controlautogeneracion.pipelines.landing.LandingJob
