/* test_extract.c: bm_extract() on short texts, table-driven: entities and
 * their names, acronyms, back-references, title chains, unit titles,
 * embedded parents, former posts, cooperation; the same entities from NFC,
 * NFD, either tone placement, CRLF, BOM and NBSP; caps on hostile text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <utf8proc.h>

#include "bomay.h"
#include "extract/util.h"

static bm_extractor *X;

static int setup(void **state)
{
	(void)state;
	return bm_extractor_new(&X, NULL);
}

static int teardown(void **state)
{
	(void)state;
	bm_extractor_free(X);
	return 0;
}

static bm_record *run(bm_extractor *x, const char *text, size_t len, int *rc)
{
	bm_input_doc d = {0};
	d.id = "t";
	d.text = text;
	d.len = len;
	bm_record *r = NULL;
	*rc = bm_extract(x, &d, &r, NULL);
	return r;
}

static int same_key(const char *a, const char *b)
{
	char *ka = bm_name_key(a, strlen(a)), *kb = bm_name_key(b, strlen(b));
	int same = ka && kb && strcmp(ka, kb) == 0;
	free(ka);
	free(kb);
	return same;
}

/* The entity of type t whose name (or an alias, when aliases) is name,
 * or -1. */
static long find_in(const bm_record *r, const char *type, const char *name,
		    int aliases)
{
	for (size_t i = 0; i < r->n_entities; i++) {
		const bm_entity *e = &r->entities[i];
		if (strcmp(bm_ent_type_name(e->type), type) != 0)
			continue;
		if (same_key(e->name, name))
			return (long)i;
		for (size_t k = 0; aliases && k < e->n_aliases; k++)
			if (same_key(e->aliases[k], name))
				return (long)i;
	}
	return -1;
}

static long find(const bm_record *r, const char *type, const char *name)
{
	return find_in(r, type, name, 1);
}

static void dump(const bm_record *r)
{
	for (size_t i = 0; i < r->n_entities; i++)
		fprintf(stderr, "  %s %s\n", bm_ent_type_name(r->entities[i].type),
			r->entities[i].name);
	for (size_t i = 0; i < r->n_relations; i++) {
		const bm_relation *x = &r->relations[i];
		fprintf(stderr, "  R %s %s -> %s | %s%s\n", bm_rel_type_name(x->type),
			r->entities[x->subject].name,
			x->object >= 0 ? r->entities[x->object].name : "null",
			x->role ? x->role : "", x->former ? " (former)" : "");
	}
}

/* "holds_position|subject|object|role[|former]", object "" for none. */
static int has_rel(const bm_record *r, const char *spec)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s", spec);
	char *f[5] = {0};
	size_t n = 0;
	for (char *p = buf, *q; p && n < 5; p = q) {
		q = strchr(p, '|');
		if (q)
			*q++ = 0;
		f[n++] = p;
	}
	bm_rel_type t;
	if (bm_rel_type_parse(f[0], &t) != 0)
		return 0;
	for (size_t i = 0; i < r->n_relations; i++) {
		const bm_relation *x = &r->relations[i];
		if (x->type != t)
			continue;
		const char *stype = t == BM_REL_HOLDS_POSITION ? "PERSON" : "ORG";
		if (!same_key(r->entities[x->subject].name, f[1]) &&
		    find(r, stype, f[1]) != (long)x->subject)
			continue;
		if (f[2] && *f[2]) {
			if (x->object < 0 || find(r, "ORG", f[2]) != x->object)
				continue;
		} else if (x->object >= 0) {
			continue;
		}
		if (f[3] && *f[3] && (!x->role || !same_key(x->role, f[3])))
			continue;
		if (f[4] && !x->former)
			continue;
		return 1;
	}
	return 0;
}

typedef struct {
	const char *what, *text;
	const char *ents[8]; /* "TYPE|name" that must be there */
	const char *rels[6]; /* relations that must be there */
	const char *nots[4]; /* "TYPE|name" that must not */
	int n_persons;       /* persons expected, -1: any */
	const char *norels[2]; /* relations that must not be there */
} ext_case;

static const ext_case cases[] = {
	{"title chain before a name",
	 "Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an Lương Tam Quang phát biểu.",
	 {"PERSON|Lương Tam Quang", "ORG|Bộ Chính trị", "ORG|Bộ Công an"},
	 {"holds_position|Lương Tam Quang|Bộ Chính trị|Ủy viên",
	  "holds_position|Lương Tam Quang|Bộ Công an|Bộ trưởng"},
	 {"PERSON|Bộ trưởng"}, 1},
	{"apposition, unit title, embedded parent",
	 "Đại tá, TS. Nguyễn Hữu Hùng, Phó Trưởng Ban Cơ yếu Chính phủ, dự họp.",
	 {"PERSON|Nguyễn Hữu Hùng", "ORG|Ban Cơ yếu Chính phủ", "ORG|Chính phủ"},
	 {"holds_position|Nguyễn Hữu Hùng|Ban Cơ yếu Chính phủ|Phó Trưởng Ban",
	  "part_of|Ban Cơ yếu Chính phủ|Chính phủ"},
	 {"PERSON|Đại tá Nguyễn Hữu Hùng"}, 1},
	{"acronym from the table",
	 "Phó Chánh án TANDTC Phạm Quốc Hưng dự họp.",
	 {"ORG|Tòa án nhân dân tối cao", "ORG|TANDTC", "PERSON|Phạm Quốc Hưng"},
	 {"holds_position|Phạm Quốc Hưng|Tòa án nhân dân tối cao|Phó Chánh án"},
	 {NULL}, 1},
	{"acronym head with a place",
	 "Chủ tịch UBND tỉnh Quảng Ninh Nguyễn Văn Thắng làm việc.",
	 {"ORG|Ủy ban nhân dân tỉnh Quảng Ninh", "ORG|UBND tỉnh Quảng Ninh"},
	 {"holds_position|Nguyễn Văn Thắng|Ủy ban nhân dân tỉnh Quảng Ninh|Chủ tịch"},
	 {"LOC|Quảng Ninh", "LOC|tỉnh Quảng Ninh"}, 1},
	{"acronym spelled by a name of the document",
	 "Trung tâm Dữ liệu Quốc gia ra mắt. Sau đó TTDLQG công bố kế hoạch.",
	 {"ORG|Trung tâm Dữ liệu Quốc gia", "ORG|TTDLQG"},
	 {NULL}, {NULL}, 0},
	{"back-reference to a person",
	 "Ông Cao Đức Dũng, Giám đốc Sở Tài chính tỉnh Nghệ An, phát biểu. "
	 "Ông Dũng cho biết sẽ tiếp tục.",
	 {"PERSON|Cao Đức Dũng", "ORG|Sở Tài chính tỉnh Nghệ An"},
	 {"holds_position|Cao Đức Dũng|Sở Tài chính tỉnh Nghệ An|Giám đốc"},
	 {"PERSON|Dũng"}, 1},
	{"bare back-reference to an organization",
	 "Bộ Ngoại giao tổ chức họp báo. Lãnh đạo Bộ cho biết thêm.",
	 {"ORG|Bộ Ngoại giao"}, {NULL}, {"ORG|Bộ"}, 0},
	{"unit-head title and its parent",
	 "Trưởng phòng Cảnh sát hình sự Công an tỉnh Hà Tĩnh Nguyễn Quang Hiếu "
	 "cho biết.",
	 {"ORG|Phòng Cảnh sát hình sự Công an tỉnh Hà Tĩnh",
	  "ORG|Công an tỉnh Hà Tĩnh"},
	 {"holds_position|Nguyễn Quang Hiếu|Phòng Cảnh sát hình sự Công an tỉnh "
	  "Hà Tĩnh|Trưởng phòng",
	  "part_of|Phòng Cảnh sát hình sự Công an tỉnh Hà Tĩnh|Công an tỉnh Hà "
	  "Tĩnh"},
	 {"ORG|Cảnh sát hình sự Công an tỉnh Hà Tĩnh"}, 1},
	{"unit title naming the unit",
	 "Bộ trưởng Ngoại giao Bùi Thanh Sơn tiếp Đại sứ.",
	 {"ORG|Bộ Ngoại giao"},
	 {"holds_position|Bùi Thanh Sơn|Bộ Ngoại giao|Bộ trưởng"}, {NULL}, 1},
	{"former post",
	 "Nguyên Bộ trưởng Bộ Y tế Nguyễn Thị Kim Tiến dự lễ.",
	 {"PERSON|Nguyễn Thị Kim Tiến", "ORG|Bộ Y tế"},
	 {"holds_position|Nguyễn Thị Kim Tiến|Bộ Y tế|Bộ trưởng|former"},
	 {NULL}, 1},
	{"working session",
	 "Chiều 5/6, Bộ Công an làm việc với UBND tỉnh Nghệ An về an ninh.",
	 {"ORG|Bộ Công an", "ORG|Ủy ban nhân dân tỉnh Nghệ An"},
	 {"cooperates_with|Bộ Công an|Ủy ban nhân dân tỉnh Nghệ An"},
	 {NULL}, 0},
	{"a city, not a man surnamed Uông",
	 "Đoàn đến thành phố Uông Bí, tỉnh Quảng Ninh. Uông Bí có nhiều di tích.",
	 {"LOC|thành phố Uông Bí", "LOC|Uông Bí", "LOC|tỉnh Quảng Ninh"},
	 {NULL}, {"PERSON|Uông Bí"}, 0},
	{"national title without an organization",
	 "Thủ tướng Phạm Minh Chính chủ trì hội nghị.",
	 {"PERSON|Phạm Minh Chính"},
	 {"holds_position|Phạm Minh Chính||Thủ tướng"}, {NULL}, 1},
	{"a list of holders",
	 "Sở Nội vụ có 3 Phó Giám đốc gồm các ông: Nguyễn Văn Hải, Trần Văn Long "
	 "và Lê Thị Hoa.",
	 {"PERSON|Nguyễn Văn Hải", "PERSON|Trần Văn Long", "PERSON|Lê Thị Hoa"},
	 {"holds_position|Trần Văn Long|Sở Nội vụ|Phó Giám đốc",
	  "holds_position|Lê Thị Hoa|Sở Nội vụ|Phó Giám đốc"},
	 {NULL}, 3},
	{"owner completed from the next title",
	 "Đồng chí Phạm Quốc Hưng, Ủy viên Ban cán sự đảng, Phó Chánh án TANDTC "
	 "phát biểu.",
	 {"ORG|Ban cán sự đảng Tòa án nhân dân tối cao"},
	 {"holds_position|Phạm Quốc Hưng|Ban cán sự đảng Tòa án nhân dân tối "
	  "cao|Ủy viên"},
	 {NULL}, 1},
	{"apposition after a bracket, a dash",
	 "Ông Nguyễn Văn An (SN 1965), Phó Chủ tịch UBND huyện Quảng Xương, nghỉ "
	 "hưu. Đại tá Nguyễn Văn Bình - Phó Giám đốc Công an tỉnh Thanh Hóa chủ trì.",
	 {"ORG|Ủy ban nhân dân huyện Quảng Xương", "ORG|Công an tỉnh Thanh Hóa"},
	 {"holds_position|Nguyễn Văn An|Ủy ban nhân dân huyện Quảng "
	  "Xương|Phó Chủ tịch",
	  "holds_position|Nguyễn Văn Bình|Công an tỉnh Thanh Hóa|Phó Giám đốc"},
	 {NULL}, 2},
	{"a cue across an earlier post",
	 "Tỉnh quyết định bổ nhiệm ông Lê Văn Giang, Trưởng phòng Tổ chức cán bộ, "
	 "giữ chức Phó Giám đốc Sở Nội vụ.",
	 {"ORG|Phòng Tổ chức cán bộ", "ORG|Sở Nội vụ"},
	 {"holds_position|Lê Văn Giang|Phòng Tổ chức cán bộ|Trưởng phòng",
	  "holds_position|Lê Văn Giang|Sở Nội vụ|Phó Giám đốc"},
	 {NULL}, 1},
	{"board of a company",
	 "Chủ tịch HĐQT Công ty cổ phần Hòa Phát Trần Đình Long phát biểu.",
	 {"ORG|Hội đồng quản trị Công ty cổ phần Hòa Phát",
	  "ORG|Công ty cổ phần Hòa Phát"},
	 {"holds_position|Trần Đình Long|Hội đồng quản trị Công ty cổ phần Hòa "
	  "Phát|Chủ tịch",
	  "part_of|Hội đồng quản trị Công ty cổ phần Hòa Phát|Công ty cổ phần "
	  "Hòa Phát"},
	 {NULL}, 1},
	{"stated membership",
	 "Sở Tư pháp tỉnh Thanh Hóa là đơn vị trực thuộc UBND tỉnh Thanh Hóa. "
	 "Cục Cảnh sát hình sự (Bộ Công an) phối hợp với Công an tỉnh Thanh Hóa.",
	 {"ORG|Sở Tư pháp tỉnh Thanh Hóa", "ORG|Cục Cảnh sát hình sự"},
	 {"part_of|Sở Tư pháp tỉnh Thanh Hóa|Ủy ban nhân dân tỉnh Thanh Hóa",
	  "part_of|Cục Cảnh sát hình sự|Bộ Công an",
	  "cooperates_with|Cục Cảnh sát hình sự|Công an tỉnh Thanh Hóa"},
	 {NULL}, 0},
	{"a parent in apposition: comma, dash, chained in brackets",
	 "Ông Trần Mạnh Tuấn, Phó Cục trưởng Cục Viễn thông, Bộ Thông tin và "
	 "Truyền thông cho biết. Phòng Cảnh sát hình sự - Công an tỉnh Nghệ An "
	 "vào cuộc. Cục Chính sách (Tổng cục Chính trị - Bộ Quốc phòng) trả lời.",
	 {"ORG|Cục Viễn thông", "ORG|Phòng Cảnh sát hình sự",
	  "ORG|Cục Chính sách", "ORG|Tổng cục Chính trị"},
	 {"part_of|Cục Viễn thông|Bộ Thông tin và Truyền thông",
	  "part_of|Phòng Cảnh sát hình sự|Công an tỉnh Nghệ An",
	  "part_of|Cục Chính sách|Tổng cục Chính trị",
	  "part_of|Tổng cục Chính trị|Bộ Quốc phòng",
	  "holds_position|Trần Mạnh Tuấn|Cục Viễn thông|Phó Cục trưởng"},
	 {"ORG|Phòng Cảnh sát hình sự - Công an tỉnh Nghệ An"}, 1},
	{"a list of equals is no apposition; a known agency keeps its parent",
	 "Sở Y tế, Công an tỉnh Nghệ An và Bộ Y tế họp. Ban Tổ chức Trung "
	 "ương, Bộ Nội vụ dự.",
	 {"ORG|Sở Y tế", "ORG|Ban Tổ chức Trung ương", "ORG|Bộ Nội vụ"},
	 {NULL}, {NULL}, 0,
	 {"part_of|Ban Tổ chức Trung ương|Bộ Nội vụ"}},
	{"a lower-case name that its parent closes",
	 "Cục Quản lý cạnh tranh (Bộ Công Thương) và Vụ Giáo dục trung học, "
	 "Bộ Giáo dục và Đào tạo cho biết.",
	 {"ORG|Cục Quản lý cạnh tranh", "ORG|Vụ Giáo dục trung học"},
	 {"part_of|Cục Quản lý cạnh tranh|Bộ Công Thương",
	  "part_of|Vụ Giáo dục trung học|Bộ Giáo dục và Đào tạo"},
	 {"ORG|Cục Quản lý", "ORG|Vụ Giáo dục"}, 0},
	{"a foreign holder after a title, a country between",
	 "Tổng thống Mỹ Donald Trump gặp cựu Bộ trưởng Kinh tế Emmanuel Macron.",
	 {"PERSON|Donald Trump", "PERSON|Emmanuel Macron", "LOC|Mỹ",
	  "ORG|Bộ Kinh tế"},
	 {"holds_position|Donald Trump||Tổng thống",
	  "holds_position|Emmanuel Macron|Bộ Kinh tế|Bộ trưởng|former"},
	 {"ORG|Bộ Kinh tế Emmanuel Macron", "PERSON|Mỹ Donald Trump"}, 2},
	{"a short form in brackets between post and holder",
	 "Phó Thống đốc Ngân hàng Nhà nước (NHNN) Nguyễn Kim Anh phát biểu.",
	 {"ORG|Ngân hàng Nhà nước", "PERSON|Nguyễn Kim Anh"},
	 {"holds_position|Nguyễn Kim Anh|Ngân hàng Nhà nước|Phó Thống đốc"},
	 {NULL}, 1},
	{"the unit word written again after a unit title",
	 "Ông Phạm Trọng Đạt, Cục trưởng cục Chống tham nhũng cho biết.",
	 {"ORG|Cục Chống tham nhũng"},
	 {"holds_position|Phạm Trọng Đạt|Cục Chống tham nhũng|Cục trưởng"},
	 {"ORG|Cục cục Chống tham nhũng"}, 1},
	{"head of a National Assembly delegation is a post, of a working team not",
	 "Bà Lê Thị Hồng, Trưởng đoàn đại biểu Quốc hội tỉnh Đồng Nai phát "
	 "biểu. Ông Trần Văn Nam làm Trưởng đoàn công tác.",
	 {"ORG|Đoàn đại biểu Quốc hội tỉnh Đồng Nai", "ORG|Quốc hội"},
	 {"holds_position|Lê Thị Hồng|Đoàn đại biểu Quốc hội tỉnh Đồng "
	  "Nai|Trưởng đoàn",
	  "part_of|Đoàn đại biểu Quốc hội tỉnh Đồng Nai|Quốc hội"},
	 {"ORG|Đoàn công tác"}, 2,
	 {"holds_position|Trần Văn Nam||Trưởng đoàn"}},
	{"a year of the sexagenary cycle is no name",
	 "Nhân dịp Xuân Đinh Dậu, Thủ tướng chúc Tết.",
	 {NULL}, {NULL}, {"PERSON|Đinh Dậu"}, 0},
	{"an outlet in the body is an organization, a source line is not",
	 "Trao đổi với Pháp Luật TPHCM, ông Trần Văn An cho biết.\n(Theo Dân "
	 "trí)",
	 {"ORG|Pháp Luật TPHCM"}, {NULL}, {"ORG|Dân trí"}, 1},
	{"a disciplined official named after the post",
	 "Ban Bí thư quyết định cách chức Ủy viên Ban Thường vụ Tỉnh ủy Hà Tĩnh "
	 "nhiệm kỳ 2010 - 2015 đối với ông Võ Kim Cự.",
	 {"ORG|Ban Thường vụ Tỉnh ủy Hà Tĩnh", "PERSON|Võ Kim Cự"},
	 {"holds_position|Võ Kim Cự|Ban Thường vụ Tỉnh ủy Hà Tĩnh|Ủy viên|former"},
	 {NULL}, 1},
	{"a site's footer is metadata; Xã hội is no commune",
	 "Bộ Lao động - Thương binh và Xã hội họp.\nVũ Đồng Báo Gia đình và Xã "
	 "hội cập nhật tin tức trong ngày liên tục, mới nhất",
	 {"ORG|Bộ Lao động - Thương binh và Xã hội"}, {NULL},
	 {"PERSON|Vũ Đồng", "ORG|Báo Gia đình và Xã hội"}, 0},
	{"a country that ends another name is no place; ở ends a name",
	 "Nhân Ngày Báo chí Cách mạng Việt Nam, Đại học Yonsei ở Seoul gửi thư.",
	 {"ORG|Đại học Yonsei", "LOC|Seoul"}, {NULL},
	 {"LOC|Việt Nam", "ORG|Đại học Yonsei ở Seoul"}, 0},
	{"an office title takes the organization of the next title",
	 "Ông Đỗ Văn An lần lượt giữ các chức vụ Chánh Văn phòng; Thứ trưởng Bộ "
	 "Xây dựng.",
	 {"ORG|Văn phòng Bộ Xây dựng", "ORG|Bộ Xây dựng"},
	 {"holds_position|Đỗ Văn An|Văn phòng Bộ Xây dựng|Chánh Văn phòng|former",
	  "holds_position|Đỗ Văn An|Bộ Xây dựng|Thứ trưởng|former"},
	 {NULL}, 1},
	{"a bare city council takes the city the article names (thành phố, not phố)",
	 "Ông Trần Văn An ở TP Hà Nội. Hội nghị do UBND thành phố tổ chức.",
	 {"ORG|Ủy ban nhân dân thành phố Hà Nội", "LOC|thành phố Hà Nội"},
	 {NULL}, {NULL}, 1},
	{"a bare council takes the province of its sentence; a number ends a name",
	 "Ông Lê Văn An ở tỉnh Thái Bình. Tại tỉnh Quảng Ninh, UBND tỉnh làm việc "
	 "với Bệnh viện Nhân dân 115. Tỉnh Thái Bình có 8 huyện.",
	 {"ORG|Ủy ban nhân dân tỉnh Quảng Ninh", "ORG|Bệnh viện Nhân dân 115"},
	 {"cooperates_with|Ủy ban nhân dân tỉnh Quảng Ninh|Bệnh viện Nhân dân 115"},
	 {"ORG|Ủy ban nhân dân tỉnh Thái Bình"}, 1},
	{"partners listed after a cue, a unit of a body, an ambassador",
	 "Bộ Công an phối hợp với Bộ Quốc phòng và UBND tỉnh Nghệ An. Viện Khoa "
	 "học xã hội vùng Nam Bộ là đơn vị của Viện Hàn lâm Khoa học xã hội Việt "
	 "Nam. Ông Trần Văn An tiếp Đại sứ Nhật Bản tại Việt Nam Umeda Kunio.",
	 {"ORG|Bộ Quốc phòng", "ORG|Ủy ban nhân dân tỉnh Nghệ An",
	  "PERSON|Umeda Kunio"},
	 {"cooperates_with|Bộ Công an|Bộ Quốc phòng",
	  "cooperates_with|Bộ Công an|Ủy ban nhân dân tỉnh Nghệ An",
	  "part_of|Viện Khoa học xã hội vùng Nam Bộ|Viện Hàn lâm Khoa học xã hội "
	  "Việt Nam",
	  "holds_position|Umeda Kunio||Đại sứ"},
	 {"PERSON|Việt Nam Umeda Kunio"}, 2},
	{"a party written in lower case up to its country is not the Party",
	 "Ông Olof Palme, Chủ tịch Đảng xã hội dân chủ Thụy Điển, thăm Hà Nội.",
	 {"ORG|Đảng xã hội dân chủ Thụy Điển"},
	 {"holds_position|Olof Palme|Đảng xã hội dân chủ Thụy Điển|Chủ tịch"},
	 {"ORG|Đảng Cộng sản Việt Nam"}, 1},
	{"a surname typo in one vowel names the same person (Vũ / Võ)",
	 "Thượng tướng Vũ Trọng Việt phát biểu. Thượng tướng Võ Trọng Việt, Chủ "
	 "nhiệm Ủy ban Quốc phòng và An ninh của Quốc hội, cho biết. Ông Lê Văn "
	 "Hùng và ông Lê Văn Hưng dự.",
	 {"PERSON|Vũ Trọng Việt", "PERSON|Lê Văn Hùng", "PERSON|Lê Văn Hưng"},
	 {"holds_position|Võ Trọng Việt|Ủy ban Quốc phòng và An ninh của Quốc "
	  "hội|Chủ nhiệm"},
	 {NULL}, 3},
	{"a generic unit written whole in lower case; a list under one head",
	 "Ông Huỳnh Đức Thơ gửi văn bản tới các Sở Xây dựng, Kế hoạch - Đầu tư, "
	 "Bộ chỉ huy quân sự. Ban tổ chức lễ hội họp.",
	 {"ORG|Sở Kế hoạch và Đầu tư", "ORG|Bộ chỉ huy quân sự", "ORG|Sở Xây dựng"},
	 {NULL}, {"ORG|Ban tổ chức"}, 1},
	{"named sites and a peninsula are places; Hồ is a surname",
	 "Ông Hồ Đức Phớc thăm Hoàng thành Thăng Long, bán đảo Sơn Trà và Khu du "
	 "lịch quốc gia Sơn Trà.",
	 {"PERSON|Hồ Đức Phớc", "LOC|Hoàng thành Thăng Long", "LOC|bán đảo Sơn Trà",
	  "LOC|Khu du lịch quốc gia Sơn Trà"},
	 {NULL}, {"LOC|đảo Sơn Trà"}, 1},
	{"a head and the initials of the rest name the same organization",
	 "Ông Chu Trọng Trang, Chi cục trưởng Chi cục An toàn vệ sinh thực phẩm "
	 "Nghệ An cho biết. Chi cục ATVSTP đã kiểm tra 20 cơ sở.",
	 {"ORG|Chi cục An toàn vệ sinh thực phẩm Nghệ An", "ORG|Chi cục ATVSTP"},
	 {"holds_position|Chu Trọng Trang|Chi cục An toàn vệ sinh thực phẩm Nghệ "
	  "An|Chi cục trưởng"},
	 {NULL}, 1},
	{"a street named after a person is no person; a middle initial",
	 "Ngôi nhà trên phố Lê Văn Sỹ bị cháy. Cựu Tổng thống George W. Bush "
	 "phát biểu.",
	 {"PERSON|George W. Bush"}, {"holds_position|George W. Bush||Tổng thống|former"},
	 {"PERSON|Lê Văn Sỹ", "PERSON|George W"}, 1},
	{"an acronym or a foreign word ends a name before a lower-case verb",
	 "Hội đồng quản trị PVOIL cảm ơn cổ đông. Tập đoàn Samsung Electronics "
	 "công bố. Đội CSGT số 1 làm nhiệm vụ. Công ty CP sứ Bát Tràng, đơn vị lớn.",
	 {"ORG|Hội đồng quản trị PVOIL", "ORG|Tập đoàn Samsung Electronics",
	  "ORG|Đội CSGT số 1", "ORG|Công ty CP sứ Bát Tràng"},
	 {NULL}, {"ORG|Hội đồng quản trị PVOIL cảm",
		  "ORG|Tập đoàn Samsung Electronics công"}, 0},
	{"a unit title before a given name names no unit",
	 "Bộ trưởng Bộ Công an Tô Lâm phát biểu. Sau đó, Bộ trưởng Lâm nhấn mạnh.",
	 {"ORG|Bộ Công an", "PERSON|Tô Lâm"},
	 {"holds_position|Tô Lâm|Bộ Công an|Bộ trưởng"}, {"ORG|Bộ Lâm"}, 1},
	{"a cooperation's actors: near the cue, and joined when both come before it",
	 "Phó Thủ tướng giao Bộ Tài chính chủ trì, phối hợp với các cơ quan liên "
	 "quan. Báo Nhân Dân thông tin, ông Trần Văn An cho biết huyện đã chỉ đạo "
	 "các lực lượng chức năng phối hợp với Chi cục Thú y tỉnh Hà Tĩnh. Bộ Y tế "
	 "và Bộ Tài chính đã ký kết.",
	 {"ORG|Bộ Tài chính", "ORG|Báo Nhân Dân"},
	 {"cooperates_with|Bộ Tài chính|Bộ Y tế"}, {NULL}, 1,
	 {"cooperates_with|Báo Nhân Dân|Chi cục Thú y tỉnh Hà Tĩnh"}},
	{"byline and photo credit",
	 "Bộ Y tế họp. (Ảnh: Trần Hải)\nNguyễn Hưng",
	 {"ORG|Bộ Y tế"}, {NULL}, {"PERSON|Trần Hải", "PERSON|Nguyễn Hưng"}, 0},
	{"a short form without its place",
	 "Sở Nội vụ có 8 Phó Giám đốc. Ông Trần Huy Sáng, Giám đốc Sở Nội vụ Hà "
	 "Nội, cho biết.",
	 {"ORG|Sở Nội vụ Hà Nội"},
	 {"holds_position|Trần Huy Sáng|Sở Nội vụ Hà Nội|Giám đốc"},
	 {"ORG|Sở Nội vụ"}, 1},
	{"unit titles without their unit, a code in brackets",
	 "Cùng dự có Bộ trưởng Bộ Tài chính Hồ Đức Phớc; các Thứ trưởng: Nguyễn "
	 "Đức Chi, Võ Thành Hưng. Hồ sơ chuyển sang Cơ quan Cảnh sát điều tra Bộ "
	 "Công an (C03).",
	 {"ORG|Bộ Tài chính", "ORG|Cơ quan Cảnh sát điều tra Bộ Công an"},
	 {"holds_position|Nguyễn Đức Chi|Bộ Tài chính|Thứ trưởng",
	  "holds_position|Võ Thành Hưng|Bộ Tài chính|Thứ trưởng",
	  "part_of|Cơ quan Cảnh sát điều tra Bộ Công an|Bộ Công an"},
	 {NULL}, 3},
	{"a name right after its title wins over an apposition",
	 "Dự có Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn, Chủ nhiệm Văn phòng Chính "
	 "phủ Trần Văn Sơn.",
	 {"ORG|Văn phòng Chính phủ", "ORG|Chính phủ"},
	 {"holds_position|Trần Văn Sơn|Văn phòng Chính phủ|Chủ nhiệm",
	  "holds_position|Bùi Thanh Sơn|Bộ Ngoại giao|Bộ trưởng",
	  "part_of|Văn phòng Chính phủ|Chính phủ"},
	 {NULL}, 2},
	{"two bodies of one owner",
	 "Đảng ủy, Ban Giám đốc Đài Tiếng nói Việt Nam chúc mừng.",
	 {"ORG|Đảng ủy Đài Tiếng nói Việt Nam",
	  "ORG|Ban Giám đốc Đài Tiếng nói Việt Nam", "ORG|Đài Tiếng nói Việt Nam"},
	 {"part_of|Ban Giám đốc Đài Tiếng nói Việt Nam|Đài Tiếng nói Việt Nam"},
	 {"ORG|Đảng ủy"}, 0},
	{"an address word without a name is a word (nông thôn)",
	 "Ngư dân kiến nghị Bộ Công an. Thứ trưởng Bộ Nông nghiệp & Phát triển "
	 "nông thôn Vũ Văn Tám đề nghị.",
	 {"ORG|Bộ Nông nghiệp & Phát triển nông thôn", "ORG|Bộ Công an"},
	 {"holds_position|Vũ Văn Tám|Bộ Nông nghiệp & Phát triển nông "
	  "thôn|Thứ trưởng"},
	 {NULL}, 1},
	{"a short acronym only in capitals, a long one also in title case",
	 "Ngôi làng Un nằm ven sông. Unesco công nhận vịnh Hạ Long.",
	 {"ORG|Tổ chức Giáo dục, Khoa học và Văn hóa Liên hợp quốc"},
	 {NULL},
	 {"ORG|Liên hợp quốc"}, 0},
	{"a party named after the word Đảng is not the Party",
	 "Đoàn Đảng Nhân dân Campuchia thăm Hà Nội, làm việc với Đảng Cộng sản "
	 "Việt Nam. Thủ lĩnh Đảng Bảo thủ Anh cũng tới.",
	 {"ORG|Đảng Nhân dân Campuchia", "ORG|Đảng Cộng sản Việt Nam",
	  "ORG|Đảng Bảo thủ Anh"},
	 {NULL},
	 {"ORG|Đảng Bảo thủ Anh cũng"}, 0},
	{"an acronym inside a known name names its parent",
	 "Bà Lê Thị Hoa, Phó Chủ tịch Ủy ban Trung ương MTTQ Việt Nam, dự lễ.",
	 {"ORG|Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
	  "ORG|Mặt trận Tổ quốc Việt Nam"},
	 {"part_of|Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam|Mặt trận Tổ quốc "
	  "Việt Nam",
	  "holds_position|Lê Thị Hoa|Ủy ban Trung ương Mặt trận Tổ quốc Việt "
	  "Nam|Phó Chủ tịch"},
	 {NULL}, 1},
	{"a definition states the parents (X là ... thuộc Y và Z)",
	 "Trung tâm Thông tin Tư liệu là đơn vị sự nghiệp công lập thuộc Bộ Nội "
	 "vụ và Bộ Tư pháp.",
	 {"ORG|Trung tâm Thông tin Tư liệu", "ORG|Bộ Nội vụ", "ORG|Bộ Tư pháp"},
	 {"part_of|Trung tâm Thông tin Tư liệu|Bộ Nội vụ",
	  "part_of|Trung tâm Thông tin Tư liệu|Bộ Tư pháp"},
	 {NULL}, 0},
	{"a complete name embedded before the unit's place",
	 "Đoàn đại biểu Quốc hội tỉnh Ninh Bình tiếp xúc cử tri tại huyện Kim "
	 "Sơn.",
	 {"ORG|Đoàn đại biểu Quốc hội tỉnh Ninh Bình", "ORG|Quốc hội"},
	 {"part_of|Đoàn đại biểu Quốc hội tỉnh Ninh Bình|Quốc hội"},
	 {NULL}, 0},
	{"a verbal cue with its actor just before it",
	 "Sở Y tế đã phối hợp với Công an tỉnh Hà Giang kiểm tra nhà thuốc.",
	 {"ORG|Sở Y tế", "ORG|Công an tỉnh Hà Giang"},
	 {"cooperates_with|Sở Y tế|Công an tỉnh Hà Giang"},
	 {NULL}, 0},
	{"hợp tác as a noun names no cooperation",
	 "Chủ trương hợp tác và hỗ trợ đã giúp xây dựng Bệnh viện Bạch Mai, "
	 "Bệnh viện Chợ Rẫy.",
	 {"ORG|Bệnh viện Bạch Mai", "ORG|Bệnh viện Chợ Rẫy"},
	 {NULL},
	 {NULL}, 0,
	 {"cooperates_with|Bệnh viện Bạch Mai|Bệnh viện Chợ Rẫy"}},
	{"a byline after the last full stop on the same line",
	 "Ông Trần Quốc Bảo, Giám đốc Sở Xây dựng, kiểm tra công trình. Lê Hà",
	 {"PERSON|Trần Quốc Bảo"},
	 {NULL},
	 {"PERSON|Lê Hà"}, 1},
	{"a head written once names each known item of a list",
	 "Tỉnh giao các Sở Y tế, TN&MT và Tài chính kiểm tra; Bộ Công an, Hà "
	 "Nội cùng dự.",
	 {"ORG|Sở Y tế", "ORG|Sở Tài nguyên và Môi trường", "ORG|Sở Tài chính",
	  "ORG|Bộ Công an", "LOC|Hà Nội"},
	 {NULL},
	 {"ORG|Bộ Hà Nội"}, 0},
	{"a head before a known name it starts is that name",
	 "Ngân hàng Agribank cho vay hộ nghèo ở xã Tân Lập.",
	 {"ORG|Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam"},
	 {NULL},
	 {"ORG|Ngân hàng Agribank"}, 0},
	{"a part-of cue ends a name",
	 "Trạm Kiểm lâm Suối Đá trực thuộc Chi cục Kiểm lâm tỉnh Gia Lai.",
	 {"ORG|Trạm Kiểm lâm Suối Đá", "ORG|Chi cục Kiểm lâm tỉnh Gia Lai"},
	 {"part_of|Trạm Kiểm lâm Suối Đá|Chi cục Kiểm lâm tỉnh Gia Lai"},
	 {NULL}, 0},
	{"'hợp tác giữa' takes the organizations right after it",
	 "Quan hệ hợp tác giữa hai nước giúp xây Bệnh viện Bạch Mai và Bệnh "
	 "viện Chợ Rẫy. Hội nghị về phối hợp giữa Sở Tư pháp và Công an tỉnh "
	 "Hòa Bình diễn ra hôm qua.",
	 {"ORG|Bệnh viện Bạch Mai", "ORG|Sở Tư pháp"},
	 {"cooperates_with|Sở Tư pháp|Công an tỉnh Hòa Bình"},
	 {NULL}, 0,
	 {"cooperates_with|Bệnh viện Bạch Mai|Bệnh viện Chợ Rẫy"}},
	{"a company head in lower case before a name or a legal form",
	 "Ông Trần Văn Bình, giám đốc công ty Sao Mai, cho biết công ty TNHH "
	 "gang thép Tân Phong là đối tác; một công ty Trung Quốc rút lui.",
	 {"ORG|công ty Sao Mai", "ORG|công ty TNHH gang thép Tân Phong"},
	 {"holds_position|Trần Văn Bình|công ty Sao Mai|giám đốc"},
	 {"ORG|công ty Trung Quốc", "ORG|công ty TNHH gang thép Tân Phong là"}, 1},
	{"a head inside a longer head is no embedded parent",
	 "Ông Nguyễn Mạnh Tiến, Phó Tổng Giám đốc Tổng Công ty PVC, và Tổng "
	 "Giám đốc Công ty PVC-KB Đỗ Văn Hồng bị khởi tố.",
	 {"ORG|Tổng Công ty PVC", "ORG|Công ty PVC-KB"},
	 {"holds_position|Nguyễn Mạnh Tiến|Tổng Công ty PVC|Phó Tổng Giám đốc"},
	 {"ORG|Công ty PVC"}, 2},
	{"a unit its head names ends before its holder's name",
	 "Giám đốc Sở Tư pháp Phạm Văn Giang và Hiệu trưởng Trường THPT Chu "
	 "Văn An dự họp.",
	 {"ORG|Sở Tư pháp", "PERSON|Phạm Văn Giang", "ORG|Trường THPT Chu Văn An"},
	 {"holds_position|Phạm Văn Giang|Sở Tư pháp|Giám đốc"},
	 {"ORG|Sở Tư pháp Phạm Văn Giang", "PERSON|Chu Văn An"}, 1},
	{"hyphenated given names, a country-named person after a rank",
	 "Tổng thống Hàn Quốc Moon Jae-in tiếp Bộ trưởng Ngoại giao Kang "
	 "Kyung-wha. Thượng úy Đức bị thương.",
	 {"PERSON|Moon Jae-in", "PERSON|Kang Kyung-wha", "LOC|Hàn Quốc"},
	 {"holds_position|Moon Jae-in||Tổng thống",
	  "holds_position|Kang Kyung-wha|Bộ Ngoại giao|Bộ trưởng"},
	 {"PERSON|Moon Jae", "LOC|Đức", "ORG|Bộ Ngoại giao Kang Kyung"}, 2},
	{"a verb after a company name, a part-of cue after a lower-case run",
	 "Ngân hàng TMCP Đại Dương mong muốn hợp tác. Trung tâm Hỗ trợ xuất "
	 "khẩu thuộc Cục Xúc tiến thương mại tổ chức hội thảo.",
	 {"ORG|Ngân hàng TMCP Đại Dương", "ORG|Trung tâm Hỗ trợ xuất khẩu"},
	 {"part_of|Trung tâm Hỗ trợ xuất khẩu|Cục Xúc tiến thương mại"},
	 {"ORG|Ngân hàng TMCP Đại Dương mong", "ORG|Trung tâm Hỗ trợ",
	  "ORG|Cục Xúc tiến"}, 0},
	{"an organization named in sentence case (namewords.tsv)",
	 "TS Khuất Thu Hồng, Viện trưởng Viện nghiên cứu phát triển xã hội cho "
	 "biết. Công ty Sông Hồng xây dựng nhà ở. Ông Lê Bình, Trưởng Ban quản "
	 "lý đường sắt đô thị Hà Nội, dự họp.",
	 {"ORG|Viện nghiên cứu phát triển xã hội",
	  "ORG|Ban quản lý đường sắt đô thị Hà Nội", "ORG|Công ty Sông Hồng"},
	 {"holds_position|Khuất Thu Hồng|Viện nghiên cứu phát triển xã hội|Viện trưởng",
	  "holds_position|Lê Bình|Ban quản lý đường sắt đô thị Hà Nội|Trưởng Ban"},
	 {"ORG|Công ty Sông Hồng xây dựng"}, 2},
	{"after 'kiêm', the holder of the title before it",
	 "Ông Phùng Minh Sơn - Phó giám đốc sở kiêm Trưởng ban thi đua khen "
	 "thưởng, ông Bảo giải thích. Ông Vũ Đức Bảo cũng có mặt.",
	 {"PERSON|Phùng Minh Sơn", "ORG|Ban thi đua khen thưởng"},
	 {"holds_position|Phùng Minh Sơn|Ban thi đua khen thưởng|Trưởng ban"},
	 {NULL}, 2,
	 {"holds_position|Vũ Đức Bảo|Ban thi đua khen thưởng|Trưởng ban"}},
	{"a foreign party's organ is its own organization",
	 "Đồng chí Thái Danh Chiếu, Ủy viên Ban Chấp hành Trung ương Đảng Cộng "
	 "sản Trung Quốc, Xã trưởng Tân Hoa xã, hội đàm với Tổng Bí thư Ban "
	 "Chấp hành Trung ương Đảng Nhân dân Cách mạng Lào Bounnhang Vorachith.",
	 {"ORG|Ban Chấp hành Trung ương Đảng Cộng sản Trung Quốc",
	  "ORG|Ban Chấp hành Trung ương Đảng Nhân dân Cách mạng Lào",
	  "ORG|Tân Hoa xã"},
	 {"holds_position|Thái Danh Chiếu|Ban Chấp hành Trung ương Đảng Cộng sản Trung Quốc|Ủy viên",
	  "holds_position|Thái Danh Chiếu|Tân Hoa xã|Xã trưởng",
	  "holds_position|Bounnhang Vorachith|Ban Chấp hành Trung ương Đảng Nhân dân Cách mạng Lào|Tổng Bí thư"},
	 {"ORG|Ban Chấp hành Trung ương Đảng"}, 2},
	{"a title chain joined by dashes",
	 "Ủy viên Bộ Chính trị - Bí thư Trung ương Đảng - Trưởng ban Tuyên giáo "
	 "Trung ương Võ Văn Thưởng phát biểu.",
	 {"PERSON|Võ Văn Thưởng", "ORG|Bộ Chính trị", "ORG|Ban Tuyên giáo Trung ương"},
	 {"holds_position|Võ Văn Thưởng|Bộ Chính trị|Ủy viên",
	  "holds_position|Võ Văn Thưởng|Ban Chấp hành Trung ương Đảng|Bí thư",
	  "holds_position|Võ Văn Thưởng|Ban Tuyên giáo Trung ương|Trưởng ban"},
	 {NULL}, 1},
	{"a place of a person's shape right after a title is its holder",
	 "Chủ tịch Hồ Chí Minh đến thăm Thành phố Hồ Chí Minh năm 1945.",
	 {"PERSON|Hồ Chí Minh", "LOC|Thành phố Hồ Chí Minh"},
	 {"holds_position|Hồ Chí Minh||Chủ tịch"},
	 {NULL}, 1},
	{"a list of streets after one is no list of persons",
	 "Tuyến buýt đi qua đường Bùi Dương Lịch - Dương Vân Nga - Khúc Hạo - "
	 "Hồ Hán Thương, phố Lê Duẩn, Kim Mã và Giảng Võ.",
	 {NULL}, {NULL},
	 {"PERSON|Dương Vân Nga", "PERSON|Hồ Hán Thương", "PERSON|Khúc Hạo",
	  "PERSON|Kim Mã"}, 0},
	{"a byline of names and an outlet is metadata",
	 "Ông Nguyễn Văn An dự lễ.\nMai Hà - Thái Sơn (TTXVN)",
	 {"PERSON|Nguyễn Văn An"}, {NULL},
	 {"PERSON|Mai Hà", "PERSON|Thái Sơn", "ORG|Thông tấn xã Việt Nam"}, 1},
	{"an acronym defined in brackets, or spelled by initials, names the organization",
	 "Trung tâm Dữ liệu Quốc gia ra mắt. Giám đốc TTDLQG Nguyễn Văn An phát "
	 "biểu. Công ty cổ phần Hóa dầu và Xơ sợi Dầu khí (PVTEX) thua lỗ. Ông "
	 "Lê Văn Bình, nguyên Tổng giám đốc PVTEX, bị khởi tố.",
	 {"ORG|PVTEX", "ORG|TTDLQG"},
	 {"holds_position|Nguyễn Văn An|Trung tâm Dữ liệu Quốc gia|Giám đốc",
	  "holds_position|Lê Văn Bình|Công ty cổ phần Hóa dầu và Xơ sợi Dầu khí|Tổng giám đốc"},
	 {NULL}, 2},
	{"two given names after an honorific, a company without its legal form",
	 "Ông Mạc Quốc Anh, Giám đốc Công ty TNHH Cường Hưng, phát biểu. Theo "
	 "ông Quốc Anh, Công ty Cường Hưng không sai.",
	 {"PERSON|Mạc Quốc Anh", "ORG|Công ty TNHH Cường Hưng"},
	 {"holds_position|Mạc Quốc Anh|Công ty Cường Hưng|Giám đốc"},
	 {NULL}, 1},
	{"a dash written into a place name, a kingdom, a district that starts a name",
	 "UBND tỉnh Thừa Thiên – Huế làm việc với Đại sứ Việt Nam tại Vương "
	 "quốc Campuchia Vũ Quang Minh.",
	 {"ORG|Ủy ban nhân dân tỉnh Thừa Thiên – Huế", "LOC|Campuchia",
	  "PERSON|Vũ Quang Minh"},
	 {NULL},
	 {"ORG|Ủy ban nhân dân tỉnh Thừa Thiên", "LOC|Vũ Quang"}, 1},
	{"a photo credit ends before a title that starts the next sentence",
	 "Quang cảnh phiên họp. Ảnh: Trọng Đức/TTXVN Phó Chủ tịch Quốc hội "
	 "Phùng Quốc Hiển điều hành phiên họp.",
	 {"PERSON|Phùng Quốc Hiển", "ORG|Quốc hội"},
	 {"holds_position|Phùng Quốc Hiển|Quốc hội|Phó Chủ tịch"},
	 {"PERSON|Trọng Đức"}, 1},
	{"a province and its city of the same name are two bodies; given names that are words",
	 "UBND tỉnh Hà Tĩnh đã họp. Sau đó, UBND thành phố Hà Tĩnh đã họp. "
	 "Thứ trưởng Bộ Y tế Nguyễn Trường Sơn, ông Nguyễn Văn Được và ông "
	 "Trần Quốc Hội dự.",
	 {"ORG|Ủy ban nhân dân tỉnh Hà Tĩnh", "ORG|Ủy ban nhân dân thành phố Hà Tĩnh",
	  "PERSON|Nguyễn Trường Sơn", "PERSON|Nguyễn Văn Được", "PERSON|Trần Quốc Hội"},
	 {"holds_position|Nguyễn Trường Sơn|Bộ Y tế|Thứ trưởng"},
	 {"ORG|Trường Sơn", "ORG|Quốc Hội", "PERSON|Nguyễn Văn"}, 3},
	{"posts after 'trải qua', board members, a place word closes a sentence-case name",
	 "Ông Lê Minh Quốc, Thành viên HĐQT Eximbank, cho biết. Ông Nguyễn Văn "
	 "Hải, Giám đốc Trung tâm Phát triển quỹ đất huyện Nam Đàn, phát biểu.",
	 {"ORG|Trung tâm Phát triển quỹ đất huyện Nam Đàn"},
	 {"holds_position|Nguyễn Văn Hải|Trung tâm Phát triển quỹ đất huyện Nam Đàn|Giám đốc",
	  "holds_position|Lê Minh Quốc|Hội đồng quản trị Eximbank|Thành viên"},
	 {"ORG|Trung tâm Phát triển"}, 2},
	{"a head's own acronym in brackets inside the name; title, dash, holder",
	 "Chủ tịch Ủy ban nhân dân (UBND) tỉnh Nghệ An Nguyễn Xuân Sơn phát "
	 "biểu. Giám đốc Sở Y tế – ông Nguyễn Văn Bình cho biết.",
	 {"ORG|Ủy ban nhân dân tỉnh Nghệ An"},
	 {"holds_position|Nguyễn Xuân Sơn|Ủy ban nhân dân tỉnh Nghệ An|Chủ tịch",
	  "holds_position|Nguyễn Văn Bình|Sở Y tế|Giám đốc"},
	 {"ORG|Ủy ban nhân dân (UBND) tỉnh Nghệ An"}, 2},
	{"a generic unit named by the acronym of its field, with no place in the text",
	 "Phó Giám đốc Sở TN&MT Hồ Huy Thành phát biểu.",
	 {"ORG|Sở Tài nguyên và Môi trường", "ORG|Sở TN&MT"},
	 {"holds_position|Hồ Huy Thành|Sở Tài nguyên và Môi trường|Phó Giám đốc"},
	 {NULL}, 1},
	{"an office named with its place, a working session at a host",
	 "Phái đoàn Liên minh châu Âu tại Việt Nam và Bộ Công Thương phối hợp "
	 "tổ chức hội thảo. Đoàn công tác của Bộ Y tế làm việc tại UBND tỉnh "
	 "Nghệ An.",
	 {"ORG|Phái đoàn Liên minh châu Âu tại Việt Nam", "ORG|Liên minh châu Âu"},
	 {"part_of|Phái đoàn Liên minh châu Âu tại Việt Nam|Liên minh châu Âu",
	  "cooperates_with|Phái đoàn Liên minh châu Âu tại Việt Nam|Bộ Công Thương",
	  "cooperates_with|Bộ Y tế|Ủy ban nhân dân tỉnh Nghệ An"},
	 {"LOC|Việt Nam"}, 0},
	{"a list of holders after ', gồm', items ended by ';' with their own titles",
	 "Ban Kinh tế Trung ương còn có 4 phó trưởng ban, gồm các ông Cao Đức "
	 "Phát, Phó trưởng ban Thường trực; Ngô Đông Hải; Nguyễn Ngọc Bảo và "
	 "Nguyễn Đức Hiển.",
	 {"ORG|Ban Kinh tế Trung ương"},
	 {"holds_position|Cao Đức Phát|Ban Kinh tế Trung ương|Phó trưởng ban Thường trực",
	  "holds_position|Ngô Đông Hải|Ban Kinh tế Trung ương|phó trưởng ban",
	  "holds_position|Nguyễn Ngọc Bảo|Ban Kinh tế Trung ương|phó trưởng ban",
	  "holds_position|Nguyễn Đức Hiển|Ban Kinh tế Trung ương|phó trưởng ban"},
	 {NULL}, 4},
	{"a company's own name comes last: the lower-case word after it is a verb",
	 "Công ty Cường Hưng đầu tư dự án. Công ty cổ phần Hóa dầu và Xơ sợi "
	 "Dầu khí thua lỗ. Công ty TNHH TM Nguyên Vũ quản lý bến.",
	 {"ORG|Công ty Cường Hưng", "ORG|Công ty cổ phần Hóa dầu và Xơ sợi Dầu khí",
	  "ORG|Công ty TNHH TM Nguyên Vũ"},
	 {NULL},
	 {"ORG|Công ty Cường Hưng đầu tư", "ORG|Công ty TNHH TM Nguyên Vũ quản lý",
	  "ORG|Công ty cổ phần Hóa"}, 0},
	{"named sites: airports, industrial parks, markets, also in lower case",
	 "Máy bay hạ cánh xuống sân bay Tân Sơn Nhất. Khu công nghiệp Mỹ Xuân "
	 "B1 thu hút vốn. Vùng ĐBSCL bị hạn mặn.",
	 {"LOC|sân bay Tân Sơn Nhất", "LOC|Khu công nghiệp Mỹ Xuân B1",
	  "LOC|Đồng bằng sông Cửu Long"},
	 {NULL}, {NULL}, 0},
	{"a unit title's unit is not read from a verb after it",
	 "\"Có 1.400 vụ\", Thứ trưởng thông tin. Ông Phùng Minh Sơn, Trưởng ban "
	 "thi đua khen thưởng, phát biểu.",
	 {"ORG|Ban thi đua khen thưởng"},
	 {"holds_position|Phùng Minh Sơn|Ban thi đua khen thưởng|Trưởng ban"},
	 {"ORG|Bộ thông tin"}, 1},
	{"a title joined by 'kiêm' to the next shares its organization",
	 "Ông Trần Đình Long, Chủ tịch kiêm Tổng Giám đốc Tổng Công ty Gang thép "
	 "Hòa Phát, cho biết. Phó Thủ tướng kiêm Bộ trưởng Bộ Ngoại giao Phạm "
	 "Bình Minh dự.",
	 {"ORG|Tổng Công ty Gang thép Hòa Phát"},
	 {"holds_position|Trần Đình Long|Tổng Công ty Gang thép Hòa Phát|Chủ tịch",
	  "holds_position|Trần Đình Long|Tổng Công ty Gang thép Hòa Phát|Tổng Giám đốc",
	  "holds_position|Phạm Bình Minh||Phó Thủ tướng"},
	 {NULL}, 2},
	{"ĐB and ĐBQH: deputies of Quốc hội, unless another body is written",
	 "ĐB Lưu Bình Nhưỡng (đoàn Bến Tre) đề nghị bổ sung. ĐBQH Nguyễn Văn An "
	 "phát biểu. ĐB HĐND tỉnh Nghệ An Trần Văn Bình cũng phát biểu.",
	 {"ORG|Quốc hội", "ORG|Hội đồng nhân dân tỉnh Nghệ An"},
	 {"holds_position|Lưu Bình Nhưỡng|Quốc hội|ĐB",
	  "holds_position|Nguyễn Văn An|Quốc hội|ĐBQH",
	  "holds_position|Trần Văn Bình|Hội đồng nhân dân tỉnh Nghệ An|ĐB"},
	 {"ORG|Quốc hội Hội đồng nhân dân tỉnh Nghệ An"}, 3},
	{"a unit title's unit ending in a head that implies its place; parents after a dash or in brackets with a place",
	 "Thành ủy Hà Nội tổ chức hội nghị. Ông Nguyễn Văn Phong, Trưởng ban "
	 "Tuyên giáo Thành ủy, phát biểu. Dự án ký với Công ty Constrexim - Bộ "
	 "Xây dựng. Trưởng khoa Thận nhân tạo (Bệnh viện Bạch Mai, Hà Nội) cho "
	 "biết.",
	 {"ORG|Ban Tuyên giáo Thành ủy Hà Nội"},
	 {"holds_position|Nguyễn Văn Phong|Ban Tuyên giáo Thành ủy Hà Nội|Trưởng ban",
	  "part_of|Công ty Constrexim|Bộ Xây dựng",
	  "part_of|Khoa Thận nhân tạo|Bệnh viện Bạch Mai"},
	 {NULL}, 1},
	{"an embassy is no ambassador; a degree's words as given names; a ministry named by its field's acronym after its title",
	 "Đoàn làm việc với Đại sứ quán Việt Nam tại Nhật Bản. Bí thư Tỉnh ủy "
	 "Hưng Yên Đỗ Tiến Sỹ cho biết. Bộ trưởng KH&ĐT Nguyễn Chí Dũng phát "
	 "biểu. Ông Nguyễn Văn A, Chủ tịch Tổng Công ty Điện lực miền Bắc, dự.",
	 {"ORG|Đại sứ quán Việt Nam tại Nhật Bản", "PERSON|Đỗ Tiến Sỹ",
	  "ORG|Bộ Kế hoạch và Đầu tư"},
	 {"holds_position|Đỗ Tiến Sỹ|Tỉnh ủy Hưng Yên|Bí thư",
	  "holds_position|Nguyễn Chí Dũng|Bộ Kế hoạch và Đầu tư|Bộ trưởng"},
	 {"ORG|Công ty Điện lực miền Bắc"}, 3},
	{"a party committee in lower case after a title; a place word's dot before no place ends a sentence",
	 "Đồng chí Lê Đình Sơn, Bí thư tỉnh ủy, Chủ tịch HĐND tỉnh Hà Tĩnh cho "
	 "biết. Dự án nằm ở trung tâm TP. Phối cảnh dự án đẹp. Ông A về TP. Vinh.",
	 {"ORG|Tỉnh ủy Hà Tĩnh", "LOC|thành phố Vinh"},
	 {"holds_position|Lê Đình Sơn|Tỉnh ủy Hà Tĩnh|Bí thư",
	  "holds_position|Lê Đình Sơn|Hội đồng nhân dân tỉnh Hà Tĩnh|Chủ tịch"},
	 {"LOC|thành phố Phối"}, 1},
	{"T.Ư written out in names, T.Ư Đảng",
	 "Trưởng Ban Nội chính T.Ư Phan Đình Trạc phát biểu. Ủy viên T.Ư Đảng "
	 "Nguyễn Văn A dự.",
	 {"ORG|Ban Nội chính Trung ương", "ORG|Ban Chấp hành Trung ương Đảng"},
	 {"holds_position|Phan Đình Trạc|Ban Nội chính Trung ương|Trưởng Ban",
	  "holds_position|Nguyễn Văn A|Ban Chấp hành Trung ương Đảng|Ủy viên"},
	 {"ORG|Ban Nội chính T"}, 2},
	{"a title without an organization before a title with one shares it; a holder after a bracketed parent",
	 "Ông Trần Thanh Mẫn, Phó Chủ tịch, Tổng Thư ký Ủy ban Trung ương MTTQ "
	 "Việt Nam dự. Cục trưởng Cục Việc làm (Bộ Lao động - Thương binh và Xã "
	 "hội) Nguyễn Như Tiệp cho biết.",
	 {"ORG|Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "ORG|Cục Việc làm"},
	 {"holds_position|Trần Thanh Mẫn|Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam|Phó Chủ tịch",
	  "holds_position|Trần Thanh Mẫn|Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam|Tổng Thư ký",
	  "holds_position|Nguyễn Như Tiệp|Cục Việc làm|Cục trưởng",
	  "part_of|Cục Việc làm|Bộ Lao động - Thương binh và Xã hội"},
	 {NULL}, 2},
	{"a sentence's first word after a name without its full stop is no given name",
	 "Ông Nguyễn Văn An Theo kết luận, ông An phải chịu trách nhiệm.",
	 {"PERSON|Nguyễn Văn An"}, {NULL}, {"PERSON|Nguyễn Văn An Theo"}, 1},
	{"a country after a plural honorific, a working team is no person",
	 "Các chuyên gia Việt Nam hi sinh tại Lào. Đoàn Thanh tra có nhiệm vụ "
	 "kiểm tra. Bộ trưởng Bộ Ngoại giao Liên Xô tới thăm.",
	 {"LOC|Việt Nam", "ORG|Bộ Ngoại giao Liên Xô"}, {NULL},
	 {"PERSON|Việt Nam", "PERSON|Đoàn Thanh", "ORG|Đoàn Thanh tra"}, 0},
	{"a byline of a name no surname marks, with its outlet",
	 "Ông Nguyễn Văn An dự lễ.\nPhi Long/VOV",
	 {"PERSON|Nguyễn Văn An"}, {NULL},
	 {"ORG|Đài Tiếng nói Việt Nam"}, 1},
	{"a foreign surname after the ministry a title spells is no part of it",
	 "Bộ trưởng Quốc phòng Mỹ Jim Mattis tới Hà Nội. Khi được hỏi, Bộ trưởng "
	 "Quốc phòng Mattis cho biết quan điểm.",
	 {"ORG|Bộ Quốc phòng", "PERSON|Jim Mattis"}, {NULL},
	 {"ORG|Bộ Quốc phòng Mattis"}, 1},
	{"a generic unit in lower case right after a title, not a case (vụ)",
	 "Ông Lê Văn An, Giám đốc sở Xây dựng tỉnh Cà Mau cho biết. Phó Giám đốc "
	 "sở Y tế Nguyễn Văn Bình dự. Chánh Thanh tra vụ Sơn Trà được nêu.",
	 {"ORG|Sở Xây dựng tỉnh Cà Mau", "ORG|Sở Y tế"},
	 {"holds_position|Lê Văn An|Sở Xây dựng tỉnh Cà Mau|Giám đốc",
	  "holds_position|Nguyễn Văn Bình|Sở Y tế|Phó Giám đốc"},
	 {"ORG|vụ Sơn Trà"}, 2},
	{"'của' between a title and its organization or its parent; an ambassador named after his places; 'chính quyền' is no acting title",
	 "Ông Lê Phước Vũ, Tổng giám đốc của Công ty Hoa Sen, cho biết. Trưởng "
	 "Ban Dân nguyện của Ủy ban Thường vụ Quốc hội Nguyễn Thanh Hải dự. Dự "
	 "lễ có Thứ trưởng Bộ Ngoại giao Nguyễn Văn An, Đại sứ Việt Nam tại Nga "
	 "Ngô Đức Mạnh. Dưới thời chính quyền Tổng thống Mỹ Barack Obama, các hãng "
	 "yêu cầu đàm phán.",
	 {"ORG|Công ty Hoa Sen", "ORG|Ban Dân nguyện"},
	 {"holds_position|Lê Phước Vũ|Công ty Hoa Sen|Tổng giám đốc",
	  "holds_position|Nguyễn Thanh Hải|Ban Dân nguyện|Trưởng Ban",
	  "holds_position|Ngô Đức Mạnh||Đại sứ",
	  "holds_position|Barack Obama||Tổng thống"},
	 {NULL}, 5,
	 {"holds_position|Nguyễn Văn An||Đại sứ",
	  "holds_position|Barack Obama||quyền Tổng thống"}},
	{"meetings as working sessions, abbreviated titles, no post from an award 'đối với' a person",
	 "Bộ GTVT đã họp với UBND TP Đà Nẵng về dự án. Ông Nguyễn Văn A, PCT UBND "
	 "tỉnh Nghệ An, cho biết. Bằng khen của Thủ tướng Chính phủ đối với ông "
	 "Trịnh Văn Thanh được trao.",
	 {"ORG|Bộ Giao thông vận tải"},
	 {"cooperates_with|Bộ Giao thông vận tải|Ủy ban nhân dân thành phố Đà Nẵng",
	  "holds_position|Nguyễn Văn A|Ủy ban nhân dân tỉnh Nghệ An|PCT"},
	 {NULL}, 2,
	 {"holds_position|Trịnh Văn Thanh|Chính phủ|Thủ tướng"}},
	{"streets listed after a street word and 'là', 'như' or a colon",
	 "Quận đảm bảo 10 tuyến đường thông thoáng là Đồng Khởi, Nguyễn Thái Học, "
	 "Trần Hưng Đạo và Nguyễn Huệ. Các tuyến đường như Lý Tự Trọng, Nguyễn Du "
	 "bị ngập. Ông Nguyễn Văn An là Chủ tịch UBND quận.",
	 {"PERSON|Nguyễn Văn An"}, {NULL},
	 {"PERSON|Nguyễn Thái Học", "PERSON|Trần Hưng Đạo", "PERSON|Lý Tự Trọng"}, 1},
	{"a company named after its line of business and a person's name",
	 "Công ty TNHH thương mại Hoàng Long bị phạt. Công ty TNHH Thương mại "
	 "Hoàng Long kháng cáo.",
	 {"ORG|Công ty TNHH thương mại Hoàng Long"}, {NULL},
	 {"ORG|Công ty TNHH Thương mại"}, 0},
	{"'đại biểu' in lower case is a common noun too: its holder only after it",
	 "Bộ trưởng Nguyễn Văn An đã làm rõ một số vấn đề đại biểu Quốc hội nêu. "
	 "Đại biểu Quốc hội Trần Văn Bình phát biểu.",
	 {"ORG|Quốc hội"},
	 {"holds_position|Trần Văn Bình|Quốc hội|Đại biểu"},
	 {NULL}, 2,
	 {"holds_position|Nguyễn Văn An|Quốc hội|đại biểu"}},
	{"a first initial after a title, a country before it",
	 "Tổng thống Nga V. Putin bày tỏ tin tưởng. Tổng thống Belarus A. "
	 "Lukashenko đến thăm.",
	 {"PERSON|V. Putin", "PERSON|A. Lukashenko", "LOC|Belarus"},
	 {"holds_position|A. Lukashenko||Tổng thống"},
	 {"PERSON|Belarus A. Lukashenko"}, 2},
	{"a lower-case head that ends a word is none (hội chợ)",
	 "Hội chợ Thương mại quốc tế khai mạc. Người dân đi chợ Bến Thành.",
	 {"LOC|chợ Bến Thành"}, {NULL}, {"LOC|chợ Thương mại quốc tế"}, 0},
	{"companies written short (Cty, Tổng Cty) are companies",
	 "Ông Nguyễn Văn A, Tổng giám đốc Tổng Cty Sông Đà, cho biết. Cty CP Thép "
	 "Việt thua lỗ.",
	 {"ORG|Tổng công ty Sông Đà", "ORG|Công ty CP Thép Việt"},
	 {"holds_position|Nguyễn Văn A|Tổng công ty Sông Đà|Tổng giám đốc"},
	 {"ORG|Công ty CP Thép Việt thua"}, 1},
	{"continents in lower case are places; a capitalized 'Châu' is no place word",
	 "Các nước châu Âu và châu Á tham dự. Ông Phạm Lâm, Tổng giám đốc Công ty "
	 "Danh Khôi Á Châu, phát biểu.",
	 {"LOC|châu Âu", "LOC|châu Á", "ORG|Công ty Danh Khôi Á Châu"},
	 {"holds_position|Phạm Lâm|Công ty Danh Khôi Á Châu|Tổng giám đốc"},
	 {NULL}, 1},
	{"bare head completed by the article's province",
	 "Tỉnh ủy Yên Bái họp. Bà Phạm Thị Thanh Trà, Bí thư Tỉnh ủy, phát biểu.",
	 {"ORG|Tỉnh ủy Yên Bái"},
	 {"holds_position|Phạm Thị Thanh Trà|Tỉnh ủy Yên Bái|Bí thư"},
	 {"ORG|Tỉnh ủy"}, 1},
};

static void test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < BM_ARRAY_LEN(cases); i++) {
		const ext_case *c = &cases[i];
		int rc;
		bm_record *r = run(X, c->text, strlen(c->text), &rc);
		assert_int_equal(rc, 0);
		int bad = 0;
		for (size_t k = 0; k < 8 && c->ents[k]; k++) {
			char t[16];
			const char *bar = strchr(c->ents[k], '|');
			snprintf(t, sizeof t, "%.*s", (int)(bar - c->ents[k]), c->ents[k]);
			if (find(r, t, bar + 1) < 0) {
				fprintf(stderr, "%s: no %s\n", c->what, c->ents[k]);
				bad = 1;
			}
		}
		for (size_t k = 0; k < 4 && c->nots[k]; k++) {
			char t[16];
			const char *bar = strchr(c->nots[k], '|');
			snprintf(t, sizeof t, "%.*s", (int)(bar - c->nots[k]), c->nots[k]);
			if (find_in(r, t, bar + 1, 0) >= 0) {
				fprintf(stderr, "%s: unexpected %s\n", c->what, c->nots[k]);
				bad = 1;
			}
		}
		for (size_t k = 0; k < 6 && c->rels[k]; k++)
			if (!has_rel(r, c->rels[k])) {
				fprintf(stderr, "%s: no %s\n", c->what, c->rels[k]);
				bad = 1;
			}
		for (size_t k = 0; k < 2 && c->norels[k]; k++)
			if (has_rel(r, c->norels[k])) {
				fprintf(stderr, "%s: unexpected %s\n", c->what, c->norels[k]);
				bad = 1;
			}
		if (c->n_persons >= 0) {
			int n = 0;
			for (size_t k = 0; k < r->n_entities; k++)
				n += r->entities[k].type == BM_ENT_PERSON;
			if (n != c->n_persons) {
				fprintf(stderr, "%s: %d persons, want %d\n", c->what, n,
					c->n_persons);
				bad = 1;
			}
		}
		if (bad)
			dump(r);
		bm_record_free(r);
		assert_false(bad);
	}
}

/* Mentions are byte offsets into the normalized text and name the entity;
 * evidence is the sentence. */
static void test_offsets(void **state)
{
	(void)state;
	const char *t = "Tiêu đề\nÔng Phạm Quốc Hưng, Phó Chánh án TANDTC, phát biểu.";
	int rc;
	bm_record *r = run(X, t, strlen(t), &rc);
	assert_int_equal(rc, 0);
	long p = find(r, "PERSON", "Phạm Quốc Hưng");
	assert_true(p >= 0);
	const bm_entity *e = &r->entities[p];
	assert_int_equal(e->n_mentions, 1);
	assert_memory_equal(t + e->mentions[0].start, "Phạm Quốc Hưng",
			    e->mentions[0].end - e->mentions[0].start);
	assert_true(r->n_relations >= 1);
	const bm_relation *x = &r->relations[0];
	assert_string_equal(x->evidence,
			    "Ông Phạm Quốc Hưng, Phó Chánh án TANDTC, phát biểu.");
	assert_int_equal(x->sentence.start, strlen("Tiêu đề\n"));
	assert_int_equal(x->sentence.end, strlen(t));
	bm_record_free(r);
}

/* The entities of a record as sorted "TYPE name" keys, for comparing. */
static char *keys(const bm_record *r)
{
	size_t n = r->n_entities;
	char **v = bm_xcalloc(n ? n : 1, sizeof *v);
	for (size_t i = 0; i < n; i++) {
		char *k = bm_name_key(r->entities[i].name, strlen(r->entities[i].name));
		size_t len = strlen(k) + 16;
		v[i] = bm_xmalloc(len);
		snprintf(v[i], len, "%s %s", bm_ent_type_name(r->entities[i].type), k);
		free(k);
	}
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
			char *tmp = v[j];
			v[j] = v[j - 1];
			v[j - 1] = tmp;
		}
	bm_buf b;
	bm_buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		bm_buf_puts(&b, v[i]);
		bm_buf_putc(&b, '\n');
		free(v[i]);
	}
	free(v);
	return bm_buf_detach(&b, NULL);
}

static const char base_text[] =
	"Ủy ban nhân dân tỉnh Hòa Bình làm việc với Bộ Tài nguyên và Môi "
	"trường.\nÔng Nguyễn Văn Thủy, Phó Chủ tịch UBND tỉnh Hòa Bình, chủ trì.";

/* Byte-level variants of base_text that must give the same entities. */
static char *variant(int kind, size_t *len)
{
	bm_buf b;
	bm_buf_init(&b);
	const char *s = base_text;
	switch (kind) {
	case 0: /* NFD */ {
		utf8proc_uint8_t *d = utf8proc_NFD((const utf8proc_uint8_t *)s);
		bm_buf_puts(&b, (const char *)d);
		free(d);
		break;
	}
	case 1: /* the other tone placement: Uỷ, Hoà, Thuỷ */
		for (const char *p = s; *p;) {
			if (strncmp(p, "Ủy", strlen("Ủy")) == 0) {
				bm_buf_puts(&b, "Uỷ");
				p += strlen("Ủy");
			} else if (strncmp(p, "Hòa", strlen("Hòa")) == 0) {
				bm_buf_puts(&b, "Hoà");
				p += strlen("Hòa");
			} else if (strncmp(p, "Thủy", strlen("Thủy")) == 0) {
				bm_buf_puts(&b, "Thuỷ");
				p += strlen("Thủy");
			} else {
				bm_buf_putc(&b, *p++);
			}
		}
		break;
	case 2: /* BOM, CRLF, NBSP */
		bm_buf_puts(&b, "\xEF\xBB\xBF");
		for (const char *p = s; *p; p++) {
			if (*p == '\n')
				bm_buf_puts(&b, "\r\n");
			else if (*p == ' ' && p[1] == 'B')
				bm_buf_puts(&b, "\xC2\xA0");
			else
				bm_buf_putc(&b, *p);
		}
		break;
	}
	return bm_buf_detach(&b, len);
}

static void test_variants(void **state)
{
	(void)state;
	int rc;
	bm_record *r = run(X, base_text, strlen(base_text), &rc);
	assert_int_equal(rc, 0);
	char *want = keys(r);
	assert_non_null(strstr(want, "ORG "));
	assert_non_null(strstr(want, "PERSON "));
	bm_record_free(r);
	for (int k = 0; k < 3; k++) {
		size_t len;
		char *v = variant(k, &len);
		r = run(X, v, len, &rc);
		assert_int_equal(rc, 0);
		char *got = keys(r);
		if (strcmp(got, want) != 0)
			fail_msg("variant %d:\n%s\nwant:\n%s", k, got, want);
		/* names as written, NFC */
		for (size_t i = 0; i < r->n_entities; i++) {
			const char *n = r->entities[i].name;
			char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)n);
			assert_string_equal(nfc, n);
			free(nfc);
		}
		free(got);
		free(v);
		bm_record_free(r);
	}
	free(want);
}

/* Hostile text: long runs, chains, brackets; every call returns. */
static void test_hostile(void **state)
{
	(void)state;
	static const char *const syll[] = {"Nguyễn", "Văn", "Hải", "Long",
					   "Thị", "Minh", "Quốc", "Trần"};
	bm_buf b;
	int rc;
	bm_record *r;

	/* 200,000 capitalized words in a row */
	bm_buf_init(&b);
	for (int i = 0; i < 200000; i++) {
		bm_buf_puts(&b, syll[(i * 7 + i / 8) % 8]);
		bm_buf_putc(&b, ' ');
	}
	r = run(X, b.data, b.len, &rc);
	assert_int_equal(rc, 0);
	bm_record_free(r);

	bm_buf_dispose(&b);

	/* the entity cap: 64 different names */
	bm_extractor *small;
	bm_extract_opts o = {0};
	o.max_entities = 5;
	assert_int_equal(bm_extractor_new(&small, &o), 0);
	bm_buf_init(&b);
	for (int i = 0; i < 64; i++) {
		bm_buf_puts(&b, "Nguyễn ");
		bm_buf_puts(&b, syll[i % 8]);
		bm_buf_putc(&b, ' ');
		bm_buf_puts(&b, syll[i / 8]);
		bm_buf_puts(&b, ", ");
	}
	r = run(small, b.data, b.len, &rc);
	assert_int_equal(rc, BM_ELIMIT);
	assert_null(r);
	r = run(X, b.data, b.len, &rc);
	assert_int_equal(rc, 0);
	assert_true(r->n_entities > 5);
	bm_record_free(r);
	bm_extractor_free(small);
	bm_buf_dispose(&b);

	/* a chain of 1,000 titles, then a name */
	bm_buf_init(&b);
	for (int i = 0; i < 1000; i++)
		bm_buf_puts(&b, "Phó Giám đốc Sở Nội vụ, ");
	bm_buf_puts(&b, "ông Nguyễn Văn Hải.");
	r = run(X, b.data, b.len, &rc);
	assert_int_equal(rc, 0);
	assert_true(r->n_relations <= 100);
	bm_record_free(r);
	bm_buf_dispose(&b);

	/* deep brackets and a 1 MiB line */
	bm_buf_init(&b);
	for (int i = 0; i < 100000; i++)
		bm_buf_putc(&b, '(');
	bm_buf_puts(&b, "Bộ Công an");
	for (int i = 0; i < 100000; i++)
		bm_buf_putc(&b, ')');
	for (int i = 0; i < (1 << 20) / 4; i++)
		bm_buf_puts(&b, "Bộ ");
	r = run(X, b.data, b.len, &rc);
	assert_int_equal(rc, 0);
	bm_record_free(r);
	bm_buf_dispose(&b);

	/* empty and blank */
	r = run(X, " \n\t", 3, &rc);
	assert_int_equal(rc, BM_EEMPTY);
	assert_null(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_variants),
		cmocka_unit_test(test_hostile),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
