#!/usr/bin/env bash
# Sliding window against stateful LSTM on composed recordings (models/README.md, "Streaming").
#
#   bench/stateful/run.sh WORK STREAMS
#
# WORK: a train.sh work folder; STREAMS: composed recordings with truth files (make-streams.sh).
# Trains a last-step model on WORK (train.py --pool last, about 25 minutes), dumps the recordings'
# MFCC frames with the appliance's front end, runs the model over them each way (simulate.py) and
# scores every way with the appliance's detector (ScorePosteriors.java).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:?usage: bench/stateful/run.sh WORK STREAMS}
streams=${2:?usage: bench/stateful/run.sh WORK STREAMS}
python=/usr/bin/python3
jar=target/earshot.jar
out=$work/stateful
mkdir -p "$out/frames"
export OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1
[ -f "$out/last.pt" ] || "$python" scripts/train.py "$work" "$out/last.onnx" --epochs 30 --seed 1 --pool last --checkpoint "$out/last.pt"
java -cp "$jar" bench/stateful/StreamFrames.java "$out/last.onnx" "$out/frames" "$streams"/*.wav
for way in window carry "copies 2 50" "copies 4 32"; do
  name=${way// /-}
  "$python" bench/stateful/simulate.py "$out/last.pt" "$out/frames" "$out/$name" $way
  java -cp "$jar" bench/stateful/ScorePosteriors.java "$out/$name" "$streams" 0.5 0.7 0.8 0.85 0.9 0.93 0.95
done
