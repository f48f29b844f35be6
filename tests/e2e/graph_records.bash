# graph_records.bash: JSON Lines records the graph tests ingest (sourced).
# write_records FILE: three small documents about the Supreme People's Court.
write_records() {
  cat > "$1" <<'JSONL'
{"doc":"a","date":"2017-03-01","entities":[{"id":"e1","type":"ORG","name":"TANDTC"},{"id":"e2","type":"PERSON","name":"Phạm Quốc Hưng"},{"id":"e3","type":"ORG","name":"Học viện Tòa án"}],"relations":[{"type":"holds_position","subject":"e2","object":"e1","role":"Phó Chánh án","evidence":{"start":0,"end":46,"text":"Phó Chánh án TANDTC Phạm Quốc Hưng phát biểu."}},{"type":"part_of","subject":"e3","object":"e1"}]}
{"doc":"b","date":"2019-05-02","entities":[{"id":"e1","type":"ORG","name":"Tòa án nhân dân tối cao","aliases":["TANDTC"]},{"id":"e2","type":"PERSON","name":"Nguyễn Văn Du"},{"id":"e3","type":"ORG","name":"Bộ Tư pháp"}],"relations":[{"type":"holds_position","subject":"e2","object":"e3","role":"Thứ trưởng"},{"type":"cooperates_with","subject":"e3","object":"e1","evidence":{"start":0,"end":33,"text":"Bộ Tư pháp phối hợp với TANDTC."}}]}
{"doc":"c","entities":[{"id":"e1","type":"PERSON","name":"Nguyễn Văn Du"},{"id":"e2","type":"ORG","name":"Học viện Tòa án"},{"id":"e3","type":"LOC","name":"Học viện Tòa án"}],"relations":[{"type":"holds_position","subject":"e1","object":"e2","role":"Giảng viên"}]}
JSONL
}
# gen_records FILE N: N synthetic documents (people, agencies, posts).
gen_records() {
  awk -v n="$2" 'BEGIN {
    for (i = 0; i < n; i++) {
      p = i % 997; o = i % 101; q = (i * 7) % 101
      printf "{\"doc\":\"g%d\",\"date\":\"20%02d-01-01\",\"entities\":[", i, 10 + i % 15
      printf "{\"id\":\"e1\",\"type\":\"PERSON\",\"name\":\"Nguyễn Văn Số %d\"},", p
      printf "{\"id\":\"e2\",\"type\":\"ORG\",\"name\":\"Sở Số %d\"},", o
      printf "{\"id\":\"e3\",\"type\":\"ORG\",\"name\":\"Sở Số %d\"}],", q
      printf "\"relations\":[{\"type\":\"holds_position\",\"subject\":\"e1\",\"object\":\"e2\",\"role\":\"Giám đốc\"}"
      if (o != q) printf ",{\"type\":\"cooperates_with\",\"subject\":\"e2\",\"object\":\"e3\"}"
      printf "]}\n"
    }
  }' > "$1"
}
# counts DB: "documents entities relations evidence aliases" of a graph.
counts() {
  "$BOMAY" query --db "$1" stats --json | python3 -c '
import json, sys
s = json.load(sys.stdin)
print(s["documents"], s["entities"], s["relations"], s["evidence"], s["aliases"])'
}
