#!/usr/bin/env bash
# Shard benchmark: indexing throughput for 1, 2 and N (= nproc) shards on
# VNTC, and query latency over local shards vs loopback xapian-tcpsrv shards.
# Usage: scripts/bench-shards.sh [vntc.jsonl.gz] (default: the full VNTC)
# Needs a release build (swift build -c release --product learncity),
# python3 and xapian-tcpsrv. Prints numbers; writes only under a temp dir.
set -euo pipefail
cd "$(dirname "$0")/.."
VNTC=${1:-../shared/data/vntc/vntc_10topics.jsonl.gz}
BIN=.build/release/learncity
WORK=$(mktemp -d /tmp/learncity-bench-shards.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
N=$(nproc)

# VNTC -> learncity corpus (id, type news, title = first line, body = rest, lang vi).
mkdir -p "$WORK/corpus/documents"
cp corpus/cities.jsonl "$WORK/corpus/cities.jsonl"
zcat "$VNTC" | python3 -c '
import json, sys
for n, line in enumerate(sys.stdin):
    d = json.loads(line)
    text = d["text"].strip()
    title, _, body = text.partition("\n")
    if not body.strip(): body = title
    print(json.dumps({"id": "vntc-%d" % n, "type": "news", "title": title.strip()[:300],
                      "body": body.strip(), "lang": "vi", "cities": []}, ensure_ascii=False))
' > "$WORK/corpus/documents/vntc.jsonl"
DOCS=$(wc -l < "$WORK/corpus/documents/vntc.jsonl")
echo "corpus: $DOCS documents from $(basename "$VNTC"), nproc=$N"

for shards in $(printf '%s\n' 1 2 "$N" | sort -nu); do
    start=$(date +%s.%N)
    "$BIN" index --corpus "$WORK/corpus" --index "$WORK/index-$shards" --shards "$shards" --json > "$WORK/summary-$shards.json"
    end=$(date +%s.%N)
    python3 -c "s=$end-$start; print(f'index --shards $shards: {s:.1f} s, {$DOCS/s:.0f} docs/s')"
done

QUERIES=("giáo dục" "học sinh" "bóng đá" "kinh tế thị trường" "sức khỏe" "\"thế giới\"" "máy tính" "pháp luật" "văn hóa" "du lịch")
latency() { # index path -> average ms per search command (process start included)
    local n=0 start end
    start=$(date +%s.%N)
    for round in 1 2 3; do for q in "${QUERIES[@]}"; do "$BIN" search --index "$1" --limit 10 --json "$q" > /dev/null; n=$((n+1)); done; done
    end=$(date +%s.%N)
    python3 -c "print(f'{($end-$start)*1000/$n:.1f} ms per search ($n searches)')"
}
echo -n "query latency, $N local shards:  "; latency "$WORK/index-$N"
P0=$((30000 + RANDOM % 10000)); P1=$((P0 + 1))
xapian-tcpsrv --interface 127.0.0.1 --port $P0 "$WORK/index-$N/shard-000" > /dev/null 2>&1 &
xapian-tcpsrv --interface 127.0.0.1 --port $P1 "$WORK/index-$N/shard-001" > /dev/null 2>&1 &
sleep 1
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' $P0 $P1 > "$WORK/remote.stub"
echo -n "query latency, 2 loopback remote shards: "; latency "$WORK/remote.stub"
