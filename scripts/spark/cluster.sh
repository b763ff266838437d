# A Spark standalone cluster on this machine from the Maven jars the spark module uses (sourced by
# standalone.sh and bench.sh): `spark_cluster WORK WORKERS CORES` starts a master and WORKERS
# workers of CORES cores each and returns once every worker has registered; it sets `master`
# (spark://...), `pids` (master, then workers) and `cp`/`flags` (the class path and JVM flags the
# launcher gives a Spark driver). The processes are stopped when the calling script exits.
# Needs `mvn -B -DskipTests package` first (spark/target/lib).
spark_cluster() {
  local work="$1" workers="$2" cores="$3" here w port
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  [ -f "$here/spark/target/spectrolens-spark.jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; return 1; }
  cp="$here/spark/target/spectrolens-spark.jar:$here/spark/target/lib/*:$here/cli/target/spectrolens-cli.jar:$(ls "$here"/cli/target/lib/*.jar | grep -v /slf4j-nop- | tr '\n' :)"
  flags=(-XX:+IgnoreUnrecognizedVMOptions -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
  for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
      java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
    flags+=("--add-opens=java.base/$p=ALL-UNNAMED")
  done

  # A Spark home the workers launch executors from: Spark's launcher reads the jars of <home>/jars
  # when <home>/RELEASE exists (a distribution's layout); here they are links to the Maven jars.
  local home="$work/spark-home" j k
  rm -rf "$home"; mkdir -p "$home/jars" "$home/conf"
  touch "$home/RELEASE"
  for j in $(echo "$cp" | tr ':' '\n'); do
    case "$j" in *'*') for k in ${j%\*}*.jar; do ln -sf "$k" "$home/jars/"; done ;; *) ln -sf "$j" "$home/jars/" ;; esac
  done
  export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOG_DIR="$work/logs" SPARK_WORKER_DIR="$work/worker"
  mkdir -p "$SPARK_LOG_DIR"
  # the master and workers log their events (registrations, executors launched), a driver started
  # with it its scheduler's: tasks started, failed and finished; executors added and removed; all with their times
  cat >"$work/log4j2.properties" <<'CONF'
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss.SSS} spark: %p %c{1}: %m%n
logger.tsm.name = org.apache.spark.scheduler.TaskSetManager
logger.tsm.level = info
logger.dag.name = org.apache.spark.scheduler.DAGScheduler
logger.dag.level = info
logger.sb.name = org.apache.spark.scheduler.cluster.StandaloneSchedulerBackend
logger.sb.level = info
logger.deploy.name = org.apache.spark.deploy
logger.deploy.level = info
CONF
  local daemon=("${flags[@]}" "-Dlog4j2.configurationFile=$work/log4j2.properties")

  for ((w = 1; w <= workers; w++)); do rm -rf "$work/worker$w"; done
  pids=()
  trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
  port=$((17000 + RANDOM % 2000))
  java "${daemon[@]}" -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 \
    >"$work/logs/master.log" 2>&1 & pids+=($!)
  for ((w = 1; w <= workers; w++)); do
    java "${daemon[@]}" -cp "$cp" org.apache.spark.deploy.worker.Worker --cores "$cores" --memory 3g --webui-port 0 \
      --work-dir "$work/worker$w" "spark://127.0.0.1:$port" >"$work/logs/worker$w.log" 2>&1 & pids+=($!)
  done
  master="spark://127.0.0.1:$port"
  # every worker registered (a worker retries its registration until the master is up)
  for ((w = 1; w <= workers; w++)); do
    until grep -q "Successfully registered with master" "$work/logs/worker$w.log" 2>/dev/null; do
      kill -0 "${pids[$w]}" 2>/dev/null || { echo "worker $w did not start: $work/logs/worker$w.log" >&2; return 1; }
      sleep 0.5
    done
  done
}
