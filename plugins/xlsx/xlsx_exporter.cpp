// The xlsx exporter: a monthly (or yearly) recruitment workbook on libxlsxwriter.
//
// Streaming design. Offers arrive one at a time through write(); nothing of an
// offer is kept after write() returns except
//  - its row, written at once into the worksheet of its month (libxlsxwriter
//    keeps the cells of a monthly report; a yearly report uses constant_memory
//    mode, where each finished row goes to a temporary file),
//  - counters (key figures, 12-month trend, breakdowns by employer, direction
//    and grade),
//  - the reference and row of each offer of the period (duplicate detection),
//  - the few offers with data problems (the Qualité sheet).
// The Synthèse and Qualité sheets are written by finish().
//
// Safety. User text only ever goes through worksheet_write_string (or as the
// target of an http(s)/mailto link); formulas are built from our own sheet
// names and numbers only. Texts over Excel's 32,767-character cell limit are
// cut with a warning. LC_NUMERIC is "C" for the writing thread while
// libxlsxwriter runs (it formats numbers with printf). The document's creation
// time is the as-of date, so the same input gives the same bytes.
#include "xlsx_exporter.hpp"
#include "report.hpp"

#include <offerkit/fields.hpp>

#include <offerkit/date.hpp>
#include <offerkit/error.hpp>
#include <offerkit/output_file.hpp>
#include <offerkit/rules.hpp>
#include <offerkit/text_safety.hpp>
#include <offerkit/tracking.hpp>

#include <xlsxwriter.h>

#include <locale.h>
#include <unistd.h>
#include <algorithm>
#include <array>
#include <cerrno>
#include <clocale>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#if !defined(LXW_VERSION_ID) || LXW_VERSION_ID < 114
#error "the xlsx plugin needs libxlsxwriter 1.1.4 or later"
#endif

namespace offerkit::xlsx_plugin {

namespace fs = std::filesystem;

namespace {

struct sheet_slot {
    lxw_worksheet* ws = nullptr;
    std::string name;
    std::uint32_t rows = 0;  // data rows written below the header
    std::uint32_t urls = 0;
    bool url_limit_warned = false;
};

// The columns of an offer sheet: the first ones are printed (chosen for
// reading on A4 landscape at the font's size), the others are for the screen.
enum offer_col : int {
    c_reference,
    c_title,
    c_direction,
    c_grade,
    c_posted,
    c_deadline,
    c_status,
    c_employer,  // the first column not printed
    c_unit,
    c_job_family,
    c_location,
    c_window,
    c_availability,
    c_managed,
    c_link,
    offer_columns
};
constexpr int offer_printed_columns = c_employer;
// The printed columns (A to G) add up to a landscape A4 page at 100 %; long titles wrap.
constexpr std::array<double, offer_columns> offer_widths = {17, 44, 28, 24, 11, 11, 15, 32, 28, 24, 28, 13, 26, 14, 40};
constexpr double row_points = 15;  // one line of 11 pt text

// The columns of the Suivi sheet (one row per offer: its recruitment), printed ones first.
enum tracking_col : int {
    t_reference,
    t_title,
    t_direction,
    t_status,
    t_published,
    t_closed,
    t_outcome,
    t_days,
    t_posts,
    t_applications,
    t_posts_filled,
    t_start,  // the first column not printed
    t_republication,
    t_note,
    t_source,
    tracking_columns
};
constexpr int tracking_printed_columns = t_start;
constexpr std::array<double, tracking_columns> tracking_widths = {17, 36, 24, 13, 11, 11, 11, 13,
                                                                  8,  13, 9,  12, 18, 40, 22};

class xlsx_session final : public export_session {
public:
    xlsx_session(const settings& s, const export_target& target, diagnostics& diags);
    ~xlsx_session() override;
    xlsx_session(const xlsx_session&) = delete;
    xlsx_session& operator=(const xlsx_session&) = delete;

    void write(const job_offer& offer) override;
    std::vector<fs::path> finish() override;

private:
    void release() noexcept;

    // set-up
    void make_formats();
    void add_sheets();
    std::vector<std::string> offer_headers() const;
    void start_offer_sheet(sheet_slot& slot);
    void start_tracking_sheet();
    void print_setup(lxw_worksheet* ws);

    // writing cells
    void check(lxw_error e, const char* what) const;
    void put_text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& text, lxw_format* f,
                  const char* field, const job_offer* offer, int sheet);
    void put_label(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& text, lxw_format* f = nullptr);
    void put_date(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::optional<date>& d);
    void put_number(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, double v, lxw_format* f);
    void put_formula(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& formula, double cached,
                     lxw_format* f);
    void put_link(sheet_slot& slot, int sheet_index, lxw_row_t r, lxw_col_t c, const job_offer& offer);
    std::string location_text(int sheet, std::uint32_t row) const;

    // finishing
    void write_summary();
    void write_recruitment();
    void write_tracking_row(const job_offer& offer);
    void finish_tracking_sheet();
    void write_quality();
    void finish_offer_sheets();
    void warn_empty_period();
    void set_properties();
    std::string ranges_of(int col) const;  // "'S1'!$J$2:$J$9,'S2'!..." over non-empty offer sheets
    std::string sum_of_countifs(int col, const std::vector<std::pair<std::string, date>>& criteria) const;
    lxw_row_t write_breakdown(lxw_worksheet* ws, lxw_row_t row, const char* heading, const char* column,
                              const std::unordered_map<std::string, std::uint32_t>& counts,
                              std::optional<std::pair<lxw_row_t, lxw_row_t>>* chart_rows);

    settings s_;
    diagnostics& diags_;
    std::ostream* stream_ = nullptr;
    std::optional<atomic_output> out_;
    // For a stream or a device: a temporary file of our own, never committed
    // (the zip writer seeks), copied to the output and then discarded.
    std::unique_ptr<atomic_output> own_temp_;
    fs::path write_path_;
    atomic_output& written() { return own_temp_ ? *own_temp_ : *out_; }
    lxw_workbook* wb_ = nullptr;
    bool finished_ = false;

    lxw_format* f_title_ = nullptr;
    lxw_format* f_subtitle_ = nullptr;
    lxw_format* f_header_ = nullptr;
    lxw_format* f_section_ = nullptr;
    lxw_format* f_date_ = nullptr;
    lxw_format* f_int_ = nullptr;
    lxw_format* f_top_int_ = nullptr;  // beside wrapped texts (Suivi)
    lxw_format* f_dec_ = nullptr;
    lxw_format* f_pct_ = nullptr;
    lxw_format* f_soon_ = nullptr;
    lxw_format* f_note_ = nullptr;
    lxw_format* f_bold_ = nullptr;
    lxw_format* f_bold_int_ = nullptr;
    lxw_format* f_wrap_ = nullptr;

    lxw_worksheet* summary_ = nullptr;
    lxw_worksheet* recruitment_ = nullptr;
    lxw_worksheet* quality_ = nullptr;
    std::string summary_name_, recruitment_name_, quality_name_;
    sheet_slot tracking_;             // the Suivi sheet
    std::vector<sheet_slot> sheets_;  // one (monthly) or twelve (yearly) offer sheets

    report report_{s_};                       // the figures (after s_: it refers to the settings)
    recruitment_counter recruit_{s_.period};  // the recruitment figures (offerkit/recruitment.hpp)
    std::string scratch_;
};

xlsx_session::xlsx_session(const settings& s, const export_target& target, diagnostics& diags)
    : s_(s), diags_(diags), stream_(target.stream) {
    auto make_own_temp = [this] {
        // Registered like every output, so that an interrupted run removes it too.
        own_temp_ = std::make_unique<atomic_output>(fs::temp_directory_path() / "offerkit-xlsx.xlsx");
        write_path_ = own_temp_->temp_path();
    };
    if (stream_) {
        make_own_temp();
    } else {
        if (target.path.empty()) throw error(errc::usage_error, "xlsx: no output file given");
        out_.emplace(target.path);
        // A device or pipe (/dev/stdout) cannot take a zip file directly: the
        // zip writer seeks. Write a temporary file and copy it.
        if (out_->temp_path() == out_->final_path())
            make_own_temp();
        else
            write_path_ = out_->temp_path();
    }

    c_locale_scope c_locale;
    lxw_workbook_options opts{};
    opts.constant_memory = s_.yearly ? LXW_TRUE : LXW_FALSE;  // monthly: an Excel table needs the cells in memory
    opts.tmpdir = nullptr;
    opts.use_zip64 = LXW_FALSE;
    try {
        wb_ = workbook_new_opt(write_path_.c_str(), &opts);
        if (!wb_)
            throw error(errc::export_failed, "xlsx: cannot start the workbook (out of memory or no temporary file)");
        make_formats();
        add_sheets();
    } catch (...) {
        release();  // the destructor does not run for a half-built object
        throw;
    }
}

xlsx_session::~xlsx_session() { release(); }

void xlsx_session::release() noexcept {
    if (wb_) {
        // Never written: nothing appears. lxw_workbook_free (1.1.4) does not
        // close the temporary files of constant_memory worksheets: close them
        // here, or each abandoned yearly export would keep 14 open files.
        auto close_tmpfile = [](lxw_worksheet* ws) {
            if (ws && ws->optimize_tmpfile) {
                std::fclose(ws->optimize_tmpfile);
                ws->optimize_tmpfile = nullptr;
                ws->file = nullptr;
            }
        };
        close_tmpfile(summary_);
        close_tmpfile(recruitment_);
        close_tmpfile(tracking_.ws);
        close_tmpfile(quality_);
        for (const auto& slot : sheets_) close_tmpfile(slot.ws);
        lxw_workbook_free(wb_);
        wb_ = nullptr;
    }
    own_temp_.reset();  // discarded: never committed
    // out_ removes its temporary file unless committed.
}

void xlsx_session::check(lxw_error e, const char* what) const {
    if (e == LXW_NO_ERROR) return;
    throw error(errc::export_failed, std::string("xlsx: ") + what + ": " + lxw_strerror(e));
}

void xlsx_session::make_formats() {
    auto fmt = [this] { return workbook_add_format(wb_); };
    f_title_ = fmt();
    format_set_bold(f_title_);
    format_set_font_size(f_title_, 16);
    format_set_font_color(f_title_, 0x1F3864);
    f_subtitle_ = fmt();
    format_set_font_color(f_subtitle_, 0x404040);
    f_section_ = fmt();
    format_set_bold(f_section_);
    format_set_font_size(f_section_, 12);
    format_set_font_color(f_section_, 0x1F3864);
    f_header_ = fmt();
    format_set_bold(f_header_);
    format_set_bg_color(f_header_, 0xD9E1F2);
    format_set_bottom(f_header_, LXW_BORDER_THIN);
    format_set_text_wrap(f_header_);
    format_set_align(f_header_, LXW_ALIGN_VERTICAL_TOP);
    f_date_ = fmt();
    format_set_num_format(f_date_, s_.lang.date_format());
    format_set_align(f_date_, LXW_ALIGN_LEFT);
    // Numbers and dates at the top of their rows, with the wrapped texts beside them.
    format_set_align(f_date_, LXW_ALIGN_VERTICAL_TOP);
    f_int_ = fmt();
    format_set_num_format(f_int_, "#,##0");
    f_top_int_ = fmt();
    format_set_num_format(f_top_int_, "#,##0");
    format_set_align(f_top_int_, LXW_ALIGN_VERTICAL_TOP);
    f_dec_ = fmt();
    format_set_num_format(f_dec_, "0.0");
    f_pct_ = fmt();
    format_set_num_format(f_pct_, "0.0%");
    f_soon_ = fmt();
    format_set_bg_color(f_soon_, 0xFCE4D6);
    format_set_font_color(f_soon_, 0x9C3700);
    f_note_ = fmt();
    format_set_italic(f_note_);
    format_set_font_color(f_note_, 0x595959);
    f_bold_ = fmt();
    format_set_bold(f_bold_);
    f_bold_int_ = fmt();
    format_set_bold(f_bold_int_);
    format_set_num_format(f_bold_int_, "#,##0");
    f_wrap_ = fmt();
    format_set_text_wrap(f_wrap_);
    format_set_align(f_wrap_, LXW_ALIGN_VERTICAL_TOP);
}

std::vector<std::string> xlsx_session::offer_headers() const {
    const labels& l = s_.lang;
    // The columns of fields take the model's labels (offerkit/fields.hpp).
    auto label = [&](const auto member) {
        const auto& d = field_of(member);
        return std::string(l.en ? d.label_en : d.label_fr);
    };
    return {label(&job_offer::reference),
            label(&job_offer::title),
            label(&job_offer::direction),
            label(&job_offer::grade),
            label(&job_offer::posted_on),
            label(&job_offer::deadline),
            std::string(l.pick("Statut au ", "Status on ")) + l.date_text(s_.as_of),
            label(&job_offer::employer),
            label(&job_offer::unit),
            label(&job_offer::job_family),
            label(&job_offer::location),
            l.pick("Délai de candidature (jours)", "Application window (days)"),
            label(&job_offer::availability),
            label(&job_offer::managed_staff),
            label(&job_offer::url)};
}

void xlsx_session::add_sheets() {
    const labels& l = s_.lang;
    std::vector<std::string> taken;
    auto add = [&](std::string_view wanted) {
        std::string name = valid_sheet_name(wanted, taken);
        check(workbook_validate_sheet_name(wb_, name.c_str()), "sheet name");
        taken.push_back(name);
        lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
        if (!ws) throw error(errc::export_failed, "xlsx: cannot add the sheet " + name);
        return std::pair{ws, name};
    };
    std::tie(summary_, summary_name_) = add(l.pick("Synthèse", "Summary"));
    std::tie(recruitment_, recruitment_name_) = add(l.pick("Recrutement", "Recruitment"));
    if (s_.yearly) {
        sheets_.resize(12);
        for (int m = 1; m <= 12; ++m) {
            auto [ws, name] = add(l.month_label(month_index(s_.year, m), true));
            sheets_[static_cast<std::size_t>(m - 1)].ws = ws;
            sheets_[static_cast<std::size_t>(m - 1)].name = name;
        }
    } else {
        sheets_.resize(1);
        std::tie(sheets_[0].ws, sheets_[0].name) = add(l.pick("Offres", "Offers"));
    }
    std::tie(tracking_.ws, tracking_.name) = add(l.pick("Suivi", "Tracking"));
    std::tie(quality_, quality_name_) = add(l.pick("Qualité", "Data quality"));
    worksheet_set_tab_color(summary_, 0x1F3864);
    worksheet_set_tab_color(recruitment_, 0x1F3864);
    worksheet_set_tab_color(quality_, 0xC65911);
    for (auto& slot : sheets_) start_offer_sheet(slot);
    start_tracking_sheet();
}

void xlsx_session::start_offer_sheet(sheet_slot& slot) {
    const auto& widths = offer_widths;
    for (int c = 0; c < offer_columns; ++c)
        worksheet_set_column(slot.ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             widths[static_cast<std::size_t>(c)], c < offer_printed_columns ? f_wrap_ : nullptr);
    worksheet_set_row(slot.ws, 0, 32, nullptr);
    const auto headers = offer_headers();
    for (int c = 0; c < offer_columns; ++c)
        put_label(slot.ws, 0, static_cast<lxw_col_t>(c), headers[static_cast<std::size_t>(c)], f_header_);
    worksheet_freeze_panes(slot.ws, 1, 1);
    print_setup(slot.ws);
    // References and staff counts such as "3" are text on purpose: no green triangles.
    check(worksheet_ignore_errors(slot.ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT, "A2:O1048576"),
          "cannot set the ignored errors");
}

// Paper: A4 landscape, one page wide (the printed columns fit it at about 100 %,
// so text stays at its size: 11 pt, never below 8), narrow margins, the header
// row repeated on every page, page numbers in the footer.
void xlsx_session::print_setup(lxw_worksheet* ws) {
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    worksheet_fit_to_pages(ws, 1, 0);
    check(worksheet_repeat_rows(ws, 0, 0), "cannot set the printed header row");
    check(worksheet_set_footer(ws, s_.lang.pick("&L&A&RPage &P / &N", "&L&A&RPage &P of &N")), "cannot set the footer");
}

void xlsx_session::start_tracking_sheet() {
    const labels& l = s_.lang;
    lxw_worksheet* ws = tracking_.ws;
    const auto& widths = tracking_widths;
    for (int c = 0; c < tracking_columns; ++c)
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             widths[static_cast<std::size_t>(c)], c < tracking_printed_columns ? f_wrap_ : nullptr);
    auto label = [&](const auto member) {
        const auto& d = field_of(member);
        return std::string(l.en ? d.label_en : d.label_fr);
    };
    const std::array<std::string, tracking_columns> headers = {
        label(&job_offer::reference),
        label(&job_offer::title),
        label(&job_offer::direction),
        std::string(l.pick("Statut au ", "Status on ")) + l.date_text(s_.as_of),
        l.pick("Publiée le", "Published on"),
        l.pick("Clôturée le", "Closed on"),
        l.pick("Issue le", "Outcome on"),
        l.pick("Jours jusqu'au recrutement", "Days to fill"),
        l.pick("Postes", "Posts"),
        label(&job_offer::applications),
        label(&job_offer::posts_filled),
        label(&job_offer::start_date),
        label(&job_offer::republication_of),
        l.pick("Dernier commentaire", "Last note"),
        l.pick("Source du suivi", "Tracking source")};
    worksheet_set_row(ws, 0, 3 * row_points, nullptr);
    for (int c = 0; c < tracking_columns; ++c)
        put_label(ws, 0, static_cast<lxw_col_t>(c), headers[static_cast<std::size_t>(c)], f_header_);
    worksheet_freeze_panes(ws, 1, 1);
    print_setup(ws);
    check(worksheet_ignore_errors(ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT, "A2:O1048576"),
          "cannot set the ignored errors");
}

void xlsx_session::put_label(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& text, lxw_format* f) {
    check(worksheet_write_string(ws, r, c, text.c_str(), f), "cannot write a label");
}

void xlsx_session::put_number(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, double v, lxw_format* f) {
    check(worksheet_write_number(ws, r, c, v, f), "cannot write a number");
}

void xlsx_session::put_formula(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& formula, double cached,
                               lxw_format* f) {
    // Only formulas we built from our own sheet names and numbers come here.
    check(worksheet_write_formula_num(ws, r, c, formula.c_str(), f, cached), "cannot write a formula");
}

void xlsx_session::put_date(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::optional<date>& d) {
    if (!d) return;
    if (auto serial = excel_serial(*d))
        put_number(ws, r, c, *serial, f_date_);
    else
        put_label(ws, r, c, d->to_iso());  // before 1900-03-01: kept as text
}

void xlsx_session::put_text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& text, lxw_format* f,
                            const char* field, const job_offer* offer, int sheet) {
    if (text.empty()) return;
    if (!fits(text, text_repertoire::xml)) {
        // Offers are fitted to XML in write(); this guards every other text
        // that becomes a cell, with offerkit's one routine for it.
        std::string what;
        std::string fitted_text = fit_text(text, text_repertoire::xml, "xlsx", &what);
        if (offer) diags_.warn(source_location{"", 0, 0, field}, "xlsx: " + offer_name(offer) + ": " + what);
        put_text(ws, r, c, fitted_text, f, field, offer, sheet);
        return;
    }
    // Always a string cell: "=1+1", "+33…", "-x", "@x" stay text.
    if (text.size() <= excel_text_limit) {
        check(worksheet_write_string(ws, r, c, text.c_str(), f), "cannot write a text");
        return;
    }
    const auto m = measure_utf16(text, excel_text_limit);
    if (m.units <= excel_text_limit) {
        check(worksheet_write_string(ws, r, c, text.c_str(), f), "cannot write a text");
        return;
    }
    const std::string cut = text.substr(0, m.prefix_bytes);
    check(worksheet_write_string(ws, r, c, cut.c_str(), f), "cannot write a text");
    diags_.warn(source_location{"", 0, 0, field},
                offer_name(offer) + ": the " + field + " has " + std::to_string(m.units) +
                    " characters, more than Excel's 32,767 per cell; it was cut in the workbook");
    if (offer)
        report_.note_issue(issue_kind::text_cut, *offer,
                           std::string(s_.lang.pick("Champ ", "Field ")) + field + " (" + std::to_string(m.units) +
                               s_.lang.pick(" caractères)", " characters)"),
                           sheet, r);
}

void xlsx_session::put_link(sheet_slot& slot, int sheet_index, lxw_row_t r, lxw_col_t c, const job_offer& offer) {
    if (!offer.url || offer.url->empty()) return;
    const std::string& url = *offer.url;
    // Only web and mail links become hyperlinks (offerkit's one rule for
    // links: "internal:" or "external:" would address sheets or local files,
    // "javascript:" run code); the others stay plain text.
    const bool linkable = is_safe_link(url);
    // is_safe_link refuses spaces, controls, quotes and angle brackets; the
    // offer's url is valid UTF-8 (fitted in write()).
    const bool fits = url.size() <= excel_url_limit;
    // libxlsxwriter 1.1.4 looks for "internal:" and "external:" anywhere in the
    // address (not only at its start) and then makes a link into the workbook
    // or to a local file, with the first nine characters cut off: such an
    // address, e.g. "https://…?from=internal:portal", stays plain text.
    const bool misread = url.find("internal:") != std::string::npos || url.find("external:") != std::string::npos;
    if (linkable && fits && misread) {
        diags_.warn(source_location{"", 0, 0, "url"},
                    offer_name(&offer) +
                        ": the url contains \"internal:\" or \"external:\", which libxlsxwriter would turn into a "
                        "link inside the workbook or to a local file; it was written as plain text");
    } else if (linkable && fits && slot.urls < excel_urls_per_sheet) {
        // The shown text is given, so that libxlsxwriter does not derive it
        // (it cuts everything up to a "mailto:" found anywhere in the address).
        if (worksheet_write_url_opt(slot.ws, r, c, url.c_str(), nullptr, url.c_str(), nullptr) == LXW_NO_ERROR) {
            ++slot.urls;
            return;
        }
    }
    if (linkable && slot.urls >= excel_urls_per_sheet && !slot.url_limit_warned) {
        slot.url_limit_warned = true;
        diags_.warn(source_location{"", 0, 0, "url"}, "sheet " + slot.name +
                                                          ": more than 65,530 links, Excel's limit per sheet; "
                                                          "the further links are written as plain text");
    }
    put_text(slot.ws, r, c, url, nullptr, "url", &offer, sheet_index);
}

std::string xlsx_session::location_text(int sheet, std::uint32_t row) const {
    if (sheet < 0) return {};
    return sheets_[static_cast<std::size_t>(sheet)].name + s_.lang.pick(", ligne ", ", row ") + std::to_string(row + 1);
}

void xlsx_session::write(const job_offer& given) {
    if (finished_) throw error(errc::usage_error, "xlsx: write() after finish()");
    // What XML cannot carry (U+0000 and other controls, U+FFFE, U+FFFF) never
    // reaches a cell, a sheet name or the document properties.
    job_offer scrubbed;
    // Only the single-valued fields become cells: the lists are not scanned.
    const job_offer& offer = fitted(given, scrubbed, text_repertoire::xml, "xlsx", diags_, text_scope::single_values);
    c_locale_scope c_locale;
    recruit_.add(offer);
    write_tracking_row(offer);
    const int sheet_index = report_.receive(offer);
    if (sheet_index < 0) return;  // not published in the period: counted only
    const date posted = *offer.posted_on;
    sheet_slot& slot = sheets_[static_cast<std::size_t>(sheet_index)];
    if (slot.rows >= excel_max_data_rows)
        throw error(errc::limit_exceeded, "xlsx: offer " + offer.reference + ": sheet " + slot.name +
                                              " already has 1,048,575 offers, Excel's row limit");
    const auto r = static_cast<lxw_row_t>(++slot.rows);
    lxw_worksheet* ws = slot.ws;
    // Tall enough for the wrapped texts of the printed columns.
    std::size_t lines = wrapped_lines(offer.title, offer_widths[c_title]);
    if (offer.direction) lines = std::max(lines, wrapped_lines(*offer.direction, offer_widths[c_direction]));
    if (offer.grade) lines = std::max(lines, wrapped_lines(*offer.grade, offer_widths[c_grade]));
    if (lines > 1)
        worksheet_set_row(ws, r, row_points * static_cast<double>(std::min<std::size_t>(lines, 20)), nullptr);

    put_text(ws, r, c_reference, offer.reference, nullptr, "reference", &offer, sheet_index);
    put_text(ws, r, c_title, offer.title, nullptr, "title", &offer, sheet_index);
    put_text(ws, r, c_employer, offer.employer, nullptr, "employer", &offer, sheet_index);
    if (offer.direction) put_text(ws, r, c_direction, *offer.direction, nullptr, "direction", &offer, sheet_index);
    if (offer.unit) put_text(ws, r, c_unit, *offer.unit, nullptr, "unit", &offer, sheet_index);
    if (offer.grade) put_text(ws, r, c_grade, *offer.grade, nullptr, "grade", &offer, sheet_index);
    if (offer.job_family) put_text(ws, r, c_job_family, *offer.job_family, nullptr, "job_family", &offer, sheet_index);
    if (offer.location) put_text(ws, r, c_location, *offer.location, nullptr, "location", &offer, sheet_index);
    put_date(ws, r, c_posted, offer.posted_on);
    put_date(ws, r, c_deadline, offer.deadline);

    const labels& l = s_.lang;
    const char* status;
    if (!offer.deadline)
        status = l.pick("sans date limite", "no deadline");
    else if (*offer.deadline < s_.as_of)
        status = l.pick("clôturée", "closed");
    else if (days_between(s_.as_of, *offer.deadline) <= closes_soon_days)
        status = l.pick("clôture proche", "closes soon");
    else
        status = l.pick("ouverte", "open");
    check(worksheet_write_string(ws, r, c_status, status, nullptr), "cannot write a status");

    if (offer.availability)
        put_text(ws, r, c_availability, *offer.availability, nullptr, "availability", &offer, sheet_index);
    if (!offer.managed_staff.empty()) {
        const auto& m = offer.managed_staff;
        scratch_.clear();
        if (m.total) scratch_ = *m.total;
        if (m.direct || m.indirect) {
            std::string parts;
            if (m.direct) parts += *m.direct + l.pick(" directs", " direct");
            if (m.indirect) parts += (parts.empty() ? "" : ", ") + *m.indirect + l.pick(" indirects", " indirect");
            scratch_ += scratch_.empty() ? parts : " (" + parts + ")";
        }
        put_text(ws, r, c_managed, scratch_, nullptr, "managed_staff", &offer, sheet_index);
    }
    put_link(slot, sheet_index, r, c_link, offer);

    if (offer.deadline && *offer.deadline >= posted)
        put_number(ws, r, c_window, static_cast<double>(days_between(posted, *offer.deadline)), nullptr);
    // The figures of the period (they match what the sheet holds).
    report_.list(offer, sheet_index, r);
}

// One row of the Suivi sheet: every offer received (each once), whatever its month.
void xlsx_session::write_tracking_row(const job_offer& offer) {
    sheet_slot& slot = tracking_;
    if (slot.rows >= excel_max_data_rows) return;  // the offer sheets say it: 1,048,575 rows
    const auto r = static_cast<lxw_row_t>(++slot.rows);
    lxw_worksheet* ws = slot.ws;
    const auto& direction = offer.canonical.direction_name ? offer.canonical.direction_name : offer.direction;
    std::size_t lines = wrapped_lines(offer.title, tracking_widths[t_title]);
    if (direction) lines = std::max(lines, wrapped_lines(*direction, tracking_widths[t_direction]));
    if (lines > 1)
        worksheet_set_row(ws, r, row_points * static_cast<double>(std::min<std::size_t>(lines, 20)), nullptr);
    // Cut to a cell here: a text too long is reported once, by its offer sheet.
    put_text(ws, r, t_reference, cut_bytes(offer.reference, excel_text_limit), nullptr, "reference", &offer, -1);
    put_text(ws, r, t_title, cut_bytes(offer.title, excel_text_limit), nullptr, "title", &offer, -1);
    if (direction)
        put_text(ws, r, t_direction, cut_bytes(*direction, excel_text_limit), nullptr, "direction", &offer, -1);
    put_label(ws, r, t_status, status_label(s_.lang, status_on(offer, s_.as_of)));
    const auto published = published_on(offer);
    const auto outcome = outcome_of(offer);
    put_date(ws, r, t_published, published);
    put_date(ws, r, t_closed, closed_on(offer));
    if (outcome) put_date(ws, r, t_outcome, outcome->on);
    if (outcome && outcome->status == offer_status::filled && published && !(outcome->on < *published))
        put_number(ws, r, t_days, static_cast<double>(days_between(*published, outcome->on)), f_top_int_);
    put_number(ws, r, t_posts, posts_of(offer), f_top_int_);
    if (offer.applications) put_number(ws, r, t_applications, *offer.applications, f_top_int_);
    if (offer.posts_filled || (outcome && outcome->status == offer_status::filled))
        put_number(ws, r, t_posts_filled, posts_filled_of(offer), f_top_int_);
    put_date(ws, r, t_start, offer.start_date);
    if (offer.republication_of)
        put_text(ws, r, t_republication, *offer.republication_of, nullptr, "republication_of", &offer, -1);
    for (auto e = offer.events.rbegin(); e != offer.events.rend(); ++e)
        if (e->note) {
            put_text(ws, r, t_note, *e->note, nullptr, "events.note", &offer, -1);
            break;
        }
    if (!offer.events.empty() && offer.events.back().source)
        put_text(ws, r, t_source, *offer.events.back().source, nullptr, "events.source", &offer, -1);
}

// ---------------------------------------------------------------------------
// Finishing

void xlsx_session::finish_tracking_sheet() {
    const labels& l = s_.lang;
    lxw_worksheet* ws = tracking_.ws;
    if (tracking_.rows == 0) {
        put_label(ws, 1, 0, l.pick("Aucune offre.", "No offers."), f_note_);
        return;
    }
    const auto last = static_cast<lxw_row_t>(tracking_.rows);
    check(worksheet_print_area(ws, 0, 0, last, tracking_printed_columns - 1), "cannot set the print area");
    check(worksheet_autofilter(ws, 0, 0, last, tracking_columns - 1), "cannot add the filter");
}

// The Recrutement sheet: the figures of offerkit/recruitment.hpp, the months,
// the groups, and the charts of the pipeline and of time to fill.
void xlsx_session::write_recruitment() {
    const labels& l = s_.lang;
    lxw_worksheet* ws = recruitment_;
    const recruitment_report rr = recruit_.result();
    const bool tracked = rr.has_tracking();
    worksheet_set_column(ws, 0, 0, 62, nullptr);
    worksheet_set_column(ws, 1, 7, 12, nullptr);
    worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
    print_setup(ws);

    const std::string period_text = s_.yearly ? std::to_string(s_.year) : l.month_label(s_.month_mi);
    lxw_row_t row = 0;
    put_label(ws, row++, 0, std::string(l.pick("Suivi des recrutements — ", "Recruitment tracking — ")) + period_text,
              f_title_);
    put_label(ws, row++, 0,
              std::string(l.pick("Période : du ", "Period: ")) + l.date_text(s_.start) + l.pick(" au ", " to ") +
                  l.date_text(s_.end) + l.pick(" — situation au ", " — as of ") + l.date_text(s_.as_of),
              f_subtitle_);
    if (!tracked) {
        put_label(ws, row++, 0,
                  l.pick("Aucune donnée de suivi : seules les publications sont comptées ci-dessous.",
                         "No tracking data: only publications are counted below."),
                  f_section_);
        put_label(ws, row++, 0,
                  l.pick("Ajoutez le fichier de suivi des RH (--tracking suivi.csv, voir docs/tracking.md) pour "
                         "compter les postes pourvus, les délais de recrutement et les candidatures.",
                         "Add HR's tracking file (--tracking tracking.csv, see docs/tracking.md) to count posts "
                         "filled, time to fill and applications."),
                  f_note_);
    } else {
        put_label(ws, row++, 0,
                  std::to_string(rr.tracked) + l.pick(" offres suivies sur ", " offers tracked of ") +
                      std::to_string(rr.offers) + l.pick(" reçues.", " received."),
                  f_note_);
    }
    ++row;

    // Key figures of the period.
    const recruitment_figures& f = rr.figures;
    put_label(ws, row++, 0, l.pick("Chiffres du recrutement", "Recruitment figures"), f_section_);
    put_label(ws, row, 0, l.pick("Indicateur", "Indicator"), f_header_);
    put_label(ws, row, 1, s_.yearly ? l.pick("Année", "Year") : l.pick("Mois", "Month"), f_header_);
    ++row;
    const lxw_row_t pipeline_first = row;
    auto count = [&](const char* fr, const char* en, std::uint64_t v) {
        put_label(ws, row, 0, l.pick(fr, en));
        put_number(ws, row, 1, static_cast<double>(v), f_int_);
        ++row;
    };
    auto value = [&](const char* fr, const char* en, const std::optional<double>& v, lxw_format* fmt) {
        put_label(ws, row, 0, l.pick(fr, en));
        if (v)
            put_number(ws, row, 1, *v, fmt);
        else
            put_label(ws, row, 1, "—");
        ++row;
    };
    count("Offres publiées", "Offers published", f.published);
    count("Offres ouvertes en fin de période", "Offers open at the end of the period", f.open_at_end);
    count("Offres clôturées", "Offers closed", f.closed);
    lxw_row_t pipeline_last = row - 1;
    if (tracked) {
        count("Offres pourvues", "Offers filled", f.filled);
        count("Offres infructueuses", "Offers unsuccessful", f.unsuccessful);
        count("Offres annulées", "Offers cancelled", f.cancelled);
        count("Republications", "Re-publications", f.re_published);
        pipeline_last = row - 1;
    }
    count("Postes publiés", "Posts published", f.posts_published);
    if (tracked) {
        count("Postes pourvus", "Posts filled", f.posts_filled);
        value("Taux de pourvoi (postes pourvus des offres publiées dans la période)",
              "Fill rate (posts filled of the offers published in the period)", f.fill_rate, f_pct_);
        value("Délai de recrutement médian (jours, de la publication au recrutement)",
              "Median time to fill (days, publication to hire)", f.days_to_fill.median, f_dec_);
        value("Délai de recrutement, 90e centile (jours)", "Time to fill, 90th percentile (days)", f.days_to_fill.p90,
              f_dec_);
        count("Recrutements mesurés", "Hires measured", f.days_to_fill.count);
        value("Candidatures par offre (médiane)", "Applications per offer (median)", f.applications.median, f_dec_);
        count("Offres dont les candidatures sont comptées", "Offers with applications counted", f.applications.count);
    }
    ++row;

    // Month by month.
    put_label(
        ws, row++, 0,
        s_.yearly ? l.pick("Mois par mois", "Month by month") : l.pick("Les 12 derniers mois", "The last 12 months"),
        f_section_);
    const std::array<const char*, 8> month_headers = {l.pick("Mois", "Month"),
                                                      l.pick("Publiées", "Published"),
                                                      l.pick("Pourvues", "Filled"),
                                                      l.pick("Infructueuses", "Unsuccessful"),
                                                      l.pick("Annulées", "Cancelled"),
                                                      l.pick("Republiées", "Re-published"),
                                                      l.pick("Ouvertes en fin de mois", "Open at month end"),
                                                      l.pick("Délai médian (jours)", "Median days to fill")};
    const std::size_t month_cols = tracked ? month_headers.size() : 2;
    for (std::size_t c = 0; c < month_cols; ++c)
        put_label(ws, row, static_cast<lxw_col_t>(c), month_headers[c], f_header_);
    if (!tracked) put_label(ws, row, 2, month_headers[6], f_header_);  // open at month end, beside published
    worksheet_set_row(ws, row, 30, nullptr);
    ++row;
    const lxw_row_t months_first = row;
    for (const auto& m : rr.months) {
        put_label(ws, row, 0, l.month_label(month_index(m.year, m.month)));
        put_number(ws, row, 1, static_cast<double>(m.figures.published), f_int_);
        if (tracked) {
            put_number(ws, row, 2, static_cast<double>(m.figures.filled), f_int_);
            put_number(ws, row, 3, static_cast<double>(m.figures.unsuccessful), f_int_);
            put_number(ws, row, 4, static_cast<double>(m.figures.cancelled), f_int_);
            put_number(ws, row, 5, static_cast<double>(m.figures.re_published), f_int_);
            put_number(ws, row, 6, static_cast<double>(m.figures.open_at_end), f_int_);
            if (m.figures.days_to_fill.median) put_number(ws, row, 7, *m.figures.days_to_fill.median, f_dec_);
        } else {
            put_number(ws, row, 2, static_cast<double>(m.figures.open_at_end), f_int_);
        }
        ++row;
    }
    const lxw_row_t months_last = row - 1;
    ++row;

    // By direction, grade and commune.
    auto groups = [&](const char* heading, const char* column, const std::vector<recruitment_group>& items) {
        put_label(ws, row++, 0, heading, f_section_);
        put_label(ws, row, 0, column, f_header_);
        put_label(ws, row, 1, l.pick("Publiées", "Published"), f_header_);
        put_label(ws, row, 2, l.pick("Postes", "Posts"), f_header_);
        if (tracked) {
            put_label(ws, row, 3, l.pick("Pourvues", "Filled"), f_header_);
            put_label(ws, row, 4, l.pick("Taux de pourvoi", "Fill rate"), f_header_);
            put_label(ws, row, 5, l.pick("Délai médian (jours)", "Median days to fill"), f_header_);
        }
        worksheet_set_row(ws, row, 2 * row_points, nullptr);
        ++row;
        std::size_t shown = 0;
        for (const auto& g : items) {
            if (g.figures.published == 0 && g.figures.filled == 0 && g.figures.open_at_end == 0) continue;
            if (shown++ == top_rows) break;  // the summary JSON has them all
            if (g.name)
                put_text(ws, row, 0, cut_bytes(*g.name, 1024), nullptr, column, nullptr, -1);
            else
                put_label(ws, row, 0, l.pick("(non renseigné)", "(not given)"), f_note_);
            put_number(ws, row, 1, static_cast<double>(g.figures.published), f_int_);
            put_number(ws, row, 2, static_cast<double>(g.figures.posts_published), f_int_);
            if (tracked) {
                put_number(ws, row, 3, static_cast<double>(g.figures.filled), f_int_);
                if (g.figures.fill_rate) put_number(ws, row, 4, *g.figures.fill_rate, f_pct_);
                if (g.figures.days_to_fill.median) put_number(ws, row, 5, *g.figures.days_to_fill.median, f_dec_);
            }
            ++row;
        }
        if (shown == 0) put_label(ws, row++, 0, l.pick("Aucune offre", "No offers"), f_note_);
        ++row;
    };
    groups(l.pick("Par direction", "By department"), l.pick("Direction", "Department"), rr.by_direction);
    groups(l.pick("Par corps / cadre d'emploi", "By grade"), l.pick("Corps / cadre d'emploi", "Grade"), rr.by_grade);
    groups(l.pick("Par commune", "By commune"), l.pick("Commune", "Commune"), rr.by_commune);
    if (!tracked) return;
    // Charts below the tables, within their width (the sheet prints one page wide at its size),
    // on a page of their own rather than cut by a page break.
    const lxw_row_t chart_row = row;
    lxw_row_t page_breaks[] = {chart_row, 0};
    check(worksheet_set_h_pagebreaks(ws, page_breaks), "cannot set the page break");

    // Charts, to the right of the tables.
    lxw_chart* pipeline = workbook_add_chart(wb_, LXW_CHART_BAR);
    lxw_chart_series* ps = chart_add_series(pipeline, nullptr, nullptr);
    chart_series_set_categories(ps, recruitment_name_.c_str(), pipeline_first, 0, pipeline_last, 0);
    chart_series_set_values(ps, recruitment_name_.c_str(), pipeline_first, 1, pipeline_last, 1);
    chart_series_set_name(ps, l.pick("Offres", "Offers"));
    chart_title_set_name(pipeline, l.pick("Du recrutement à l'issue", "From publication to outcome"));
    chart_legend_set_position(pipeline, LXW_CHART_LEGEND_NONE);
    chart_axis_set_min(pipeline->x_axis, 0);
    chart_axis_set_reverse(pipeline->y_axis);
    lxw_chart_options p1{};
    p1.x_scale = 1.0;
    p1.y_scale = 1.1;
    check(worksheet_insert_chart_opt(ws, chart_row, 0, pipeline, &p1), "cannot place the pipeline chart");

    lxw_chart* days = workbook_add_chart(wb_, LXW_CHART_COLUMN);
    lxw_chart_series* ds = chart_add_series(days, nullptr, nullptr);
    chart_series_set_categories(ds, recruitment_name_.c_str(), months_first, 0, months_last, 0);
    chart_series_set_values(ds, recruitment_name_.c_str(), months_first, 7, months_last, 7);
    chart_series_set_name(ds, l.pick("Délai médian (jours)", "Median days to fill"));
    chart_title_set_name(
        days, l.pick("Délai de recrutement médian par mois (jours)", "Median time to fill per month (days)"));
    chart_legend_set_position(days, LXW_CHART_LEGEND_NONE);
    chart_axis_major_gridlines_set_visible(days->y_axis, LXW_TRUE);
    chart_axis_set_min(days->y_axis, 0);
    lxw_chart_options p2{};
    p2.x_scale = 0.95;
    p2.y_scale = 1.1;
    check(worksheet_insert_chart_opt(ws, chart_row, 3, days, &p2), "cannot place the time-to-fill chart");
}

std::string xlsx_session::ranges_of(int col) const {
    std::string s;
    const std::string letters = column_letters(col);
    for (const auto& slot : sheets_) {
        if (slot.rows == 0) continue;
        if (!s.empty()) s += ',';
        s += quote_sheet(slot.name) + "!$" + letters + "$2:$" + letters + "$" + std::to_string(slot.rows + 1);
    }
    return s;
}

std::string xlsx_session::sum_of_countifs(int col, const std::vector<std::pair<std::string, date>>& criteria) const {
    std::string s;
    const std::string letters = column_letters(col);
    for (const auto& slot : sheets_) {
        if (slot.rows == 0) continue;
        const std::string range =
            quote_sheet(slot.name) + "!$" + letters + "$2:$" + letters + "$" + std::to_string(slot.rows + 1);
        s += s.empty() ? "=" : "+";
        s += "COUNTIFS(";
        for (std::size_t i = 0; i < criteria.size(); ++i) {
            if (i) s += ',';
            s += range + ",\"" + criteria[i].first + "\"&" + excel_date_formula(criteria[i].second);
        }
        s += ')';
    }
    return s;
}

lxw_row_t xlsx_session::write_breakdown(lxw_worksheet* ws, lxw_row_t row, const char* heading, const char* column,
                                        const std::unordered_map<std::string, std::uint32_t>& counts,
                                        std::optional<std::pair<lxw_row_t, lxw_row_t>>* chart_rows) {
    const labels& l = s_.lang;
    put_label(ws, row++, 0, heading, f_section_);
    put_label(ws, row, 0, column, f_header_);
    put_label(ws, row, 1, l.pick("Offres", "Offers"), f_header_);
    put_label(ws, row, 2, l.pick("Part", "Share"), f_header_);
    ++row;
    std::vector<std::pair<const std::string*, std::uint32_t>> items;
    items.reserve(counts.size());
    for (const auto& [k, v] : counts) items.emplace_back(&k, v);
    std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
        if (a.second != b.second) return a.second > b.second;
        return *a.first < *b.first;
    });
    const double total = static_cast<double>(report_.period.published);
    const lxw_row_t first = row;
    std::size_t shown = 0;
    std::uint64_t other_count = 0;
    std::size_t other_values = 0;
    for (const auto& [key, count] : items) {
        if (shown < top_rows || items.size() == top_rows + 1) {
            if (key->empty())
                put_label(ws, row, 0, l.pick("(non renseigné)", "(not given)"), f_note_);
            else
                put_text(ws, row, 0, cut_bytes(*key, 1024), nullptr, column, nullptr, -1);
            put_number(ws, row, 1, count, f_int_);
            put_number(ws, row, 2, total > 0 ? count / total : 0.0, f_pct_);
            ++row;
            ++shown;
        } else {
            other_count += count;
            ++other_values;
        }
    }
    if (other_values) {
        put_label(ws, row, 0,
                  std::string(l.pick("Autres (", "Others (")) + std::to_string(other_values) +
                      l.pick(" valeurs)", " values)"),
                  f_note_);
        put_number(ws, row, 1, static_cast<double>(other_count), f_int_);
        put_number(ws, row, 2, total > 0 ? static_cast<double>(other_count) / total : 0.0, f_pct_);
        ++row;
    }
    if (items.empty()) {
        put_label(ws, row++, 0, l.pick("Aucune offre", "No offers"), f_note_);
    } else {
        put_label(ws, row, 0, l.pick("Total", "Total"), f_bold_);
        put_number(ws, row, 1, total, f_bold_int_);
        ++row;
        if (chart_rows) *chart_rows = std::pair{first, static_cast<lxw_row_t>(first + shown - 1)};
    }
    return row + 1;
}

void xlsx_session::write_summary() {
    const labels& l = s_.lang;
    lxw_worksheet* ws = summary_;
    // Tables and charts side by side fit one landscape page at about 90 %.
    worksheet_set_column(ws, 0, 0, 64, nullptr);
    worksheet_set_column(ws, 1, 2, 18, nullptr);
    worksheet_set_column(ws, 3, 3, 2, nullptr);
    worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
    worksheet_activate(ws);
    print_setup(ws);

    const std::string period_text = s_.yearly ? std::to_string(s_.year) : l.month_label(s_.month_mi);
    lxw_row_t row = 0;
    put_label(
        ws, row++, 0,
        std::string(s_.yearly ? l.pick("Recrutements — synthèse annuelle ", "Recruitment — yearly summary ")
                              : l.pick("Recrutements — synthèse mensuelle, ", "Recruitment — monthly summary, ")) +
            period_text,
        f_title_);
    put_label(ws, row++, 0,
              std::string(l.pick("Période : du ", "Period: ")) + l.date_text(s_.start) + l.pick(" au ", " to ") +
                  l.date_text(s_.end),
              f_subtitle_);
    put_label(ws, row++, 0, std::string(l.pick("Situation au ", "As of ")) + l.date_text(s_.as_of), f_subtitle_);
    if (report_.period.published == 0) {
        put_label(ws, row++, 0,
                  std::string(s_.yearly ? l.pick("Aucune offre publiée en ", "No offers were published in ")
                                        : l.pick("Aucune offre publiée en ", "No offers were published in ")) +
                      period_text + ".",
                  f_section_);
    } else {
        put_label(ws, row++, 0,
                  std::to_string(report_.received) + l.pick(" offres reçues, dont ", " offers received, ") +
                      std::to_string(report_.period.published) +
                      l.pick(" publiées dans la période.", " published in the period."),
                  f_note_);
    }
    ++row;

    // Key figures: the period's offers (formulas over the offer sheets, with
    // their values cached) and every offer received (values).
    put_label(ws, row++, 0, l.pick("Chiffres clés", "Key figures"), f_section_);
    const lxw_row_t key_header = row;
    put_label(ws, row, 0, l.pick("Indicateur", "Indicator"), f_header_);
    put_label(ws, row, 1,
              s_.yearly ? l.pick("Offres de l'année (feuilles mensuelles)", "Offers of the year (month sheets)")
                        : l.pick("Offres du mois (feuille Offres)", "Offers of the month (Offers sheet)"),
              f_header_);
    put_label(ws, row, 2, l.pick("Toutes les offres reçues", "All offers received"), f_header_);
    worksheet_set_row(ws, row, 30, nullptr);
    ++row;
    const bool any = report_.period.published > 0;
    auto figure = [&](const std::string& label, const std::string& formula, double cached, double all_value) {
        put_label(ws, row, 0, label);
        if (any && !formula.empty())
            put_formula(ws, row, 1, formula, cached, f_int_);
        else
            put_number(ws, row, 1, cached, f_int_);
        put_number(ws, row, 2, all_value, f_int_);
        ++row;
    };
    const date soon_end = s_.as_of.plus_days(closing_window_days).value_or(s_.as_of);
    figure(s_.yearly ? l.pick("Offres publiées dans l'année", "Offers published in the year")
                     : l.pick("Offres publiées dans le mois", "Offers published in the month"),
           "=COUNT(" + ranges_of(c_posted) + ")", static_cast<double>(report_.period.published),
           static_cast<double>(report_.all.published));
    figure(std::string(s_.yearly ? l.pick("Offres ouvertes à la fin de l'année", "Offers open at the end of the year")
                                 : l.pick("Offres ouvertes à la fin du mois", "Offers open at the end of the month")) +
               l.pick(" (date limite au ", " (deadline on or after ") + l.date_text(s_.end) + l.pick(" ou après)", ")"),
           sum_of_countifs(c_deadline, {{">=", s_.end}}), static_cast<double>(report_.period.open_at_end),
           static_cast<double>(report_.all.open_at_end));
    figure(s_.yearly
               ? l.pick("Offres dont la date limite tombe dans l'année", "Offers whose deadline falls in the year")
               : l.pick("Offres dont la date limite tombe dans le mois", "Offers whose deadline falls in the month"),
           sum_of_countifs(c_deadline, {{">=", s_.start}, {"<=", s_.end}}),
           static_cast<double>(report_.period.deadline_in_period), static_cast<double>(report_.all.deadline_in_period));
    figure(std::string(l.pick("Offres clôturant dans les 14 jours (date limite du ",
                              "Offers closing in the next 14 days (deadline from ")) +
               l.date_text(s_.as_of) + l.pick(" au ", " to ") + l.date_text(soon_end) + ")",
           sum_of_countifs(c_deadline, {{">=", s_.as_of}, {"<=", soon_end}}),
           static_cast<double>(report_.period.closing_soon), static_cast<double>(report_.all.closing_soon));
    {
        put_label(ws, row, 0,
                  l.pick("Délai moyen de candidature (jours, du dépôt à la date limite)",
                         "Average application window (days, posting to deadline)"));
        if (report_.period.windows > 0)
            put_formula(ws, row, 1, "=AVERAGE(" + ranges_of(c_window) + ")",
                        static_cast<double>(report_.period.window_days) / static_cast<double>(report_.period.windows),
                        f_dec_);
        else
            put_label(ws, row, 1, "—");
        if (report_.all.windows > 0)
            put_number(ws, row, 2,
                       static_cast<double>(report_.all.window_days) / static_cast<double>(report_.all.windows), f_dec_);
        else
            put_label(ws, row, 2, "—");
        ++row;
    }
    {
        put_label(
            ws, row, 0,
            l.pick("Anomalies de données (voir la feuille Qualité)", "Data problems (see the Data quality sheet)"));
        const auto n = static_cast<double>(report_.issues.size());
        if (!report_.issues.empty())
            put_formula(
                ws, row, 1,
                "=COUNTA(" + quote_sheet(quality_name_) + "!$A$2:$A$" + std::to_string(report_.issues.size() + 1) + ")",
                n, f_int_);
        else
            put_number(ws, row, 1, 0, f_int_);
        ++row;
    }
    put_label(ws, row++, 0,
              l.pick("Statut « clôture proche » : date limite dans les 7 jours suivant la date de situation.",
                     "Status “closes soon”: deadline within 7 days of the as-of date."),
              f_note_);
    ++row;

    // Trend: 12 months of publications.
    put_label(ws, row++, 0,
              s_.yearly ? l.pick("Offres publiées par mois", "Offers published per month")
                        : l.pick("Offres publiées par mois (12 derniers mois)",
                                 "Offers published per month (last 12 months)"),
              f_section_);
    put_label(ws, row, 0, l.pick("Mois", "Month"), f_header_);
    put_label(ws, row, 1, l.pick("Offres publiées", "Offers published"), f_header_);
    ++row;
    const lxw_row_t trend_first = row;
    for (std::size_t k = 0; k < 12; ++k) {
        if (s_.yearly) {
            const sheet_slot& slot = sheets_[k];
            put_label(ws, row, 0, l.month_label(month_index(s_.year, static_cast<int>(k) + 1)));
            if (slot.rows > 0)
                put_formula(ws, row, 1,
                            "=COUNT(" + quote_sheet(slot.name) + "!$" + column_letters(c_posted) + "$2:$" +
                                column_letters(c_posted) + "$" + std::to_string(slot.rows + 1) + ")",
                            slot.rows, f_int_);
            else
                put_number(ws, row, 1, 0, f_int_);
        } else {
            const int mi = s_.month_mi - 11 + static_cast<int>(k);
            put_label(ws, row, 0, l.month_label(mi));
            put_number(ws, row, 1, static_cast<double>(report_.trend[k]), f_int_);
        }
        ++row;
    }
    const lxw_row_t trend_last = row - 1;
    ++row;

    std::optional<std::pair<lxw_row_t, lxw_row_t>> direction_rows;
    row = write_breakdown(ws, row, l.pick("Offres par employeur", "Offers by employer"),
                          l.pick("Employeur", "Employer"), report_.by_employer, nullptr);
    const lxw_row_t direction_heading = row;
    row = write_breakdown(ws, row, l.pick("Offres par direction", "Offers by department"),
                          l.pick("Direction", "Department"), report_.by_direction, &direction_rows);
    row = write_breakdown(ws, row, l.pick("Offres par corps / cadre d'emploi", "Offers by grade"),
                          l.pick("Corps / cadre d'emploi", "Grade"), report_.by_grade, nullptr);

    // Charts, to the right of the tables.
    lxw_chart* trend = workbook_add_chart(wb_, LXW_CHART_COLUMN);
    lxw_chart_series* series = chart_add_series(trend, nullptr, nullptr);
    chart_series_set_categories(series, summary_name_.c_str(), trend_first, 0, trend_last, 0);
    chart_series_set_values(series, summary_name_.c_str(), trend_first, 1, trend_last, 1);
    chart_series_set_name(series, l.pick("Offres publiées", "Offers published"));
    chart_title_set_name(trend, s_.yearly
                                    ? l.pick("Offres publiées par mois", "Offers published per month")
                                    : l.pick("Offres publiées, 12 derniers mois", "Offers published, last 12 months"));
    chart_legend_set_position(trend, LXW_CHART_LEGEND_NONE);
    chart_axis_major_gridlines_set_visible(trend->y_axis, LXW_TRUE);
    chart_axis_set_min(trend->y_axis, 0);
    lxw_chart_options placement{};
    placement.x_scale = 1.0;
    placement.y_scale = 1.2;
    check(worksheet_insert_chart_opt(ws, key_header, 4, trend, &placement), "cannot place the trend chart");

    if (direction_rows) {
        lxw_chart* bars = workbook_add_chart(wb_, LXW_CHART_BAR);
        lxw_chart_series* ds = chart_add_series(bars, nullptr, nullptr);
        chart_series_set_categories(ds, summary_name_.c_str(), direction_rows->first, 0, direction_rows->second, 0);
        chart_series_set_values(ds, summary_name_.c_str(), direction_rows->first, 1, direction_rows->second, 1);
        chart_series_set_name(ds, l.pick("Offres", "Offers"));
        chart_title_set_name(bars, l.pick("Offres par direction", "Offers by department"));
        chart_legend_set_position(bars, LXW_CHART_LEGEND_NONE);
        chart_axis_set_min(bars->x_axis, 0);   // the value axis (horizontal): bars start at zero
        chart_axis_set_reverse(bars->y_axis);  // the category axis (vertical in a bar chart): largest on top
        lxw_chart_options p2{};
        p2.x_scale = 1.0;
        const auto n = direction_rows->second - direction_rows->first + 1;
        p2.y_scale = std::max(1.2, 0.35 + 0.09 * static_cast<double>(n));
        check(worksheet_insert_chart_opt(ws, std::max<lxw_row_t>(direction_heading, key_header + 20), 4, bars, &p2),
              "cannot place the direction chart");
    }
}

void xlsx_session::write_quality() {
    const labels& l = s_.lang;
    lxw_worksheet* ws = quality_;
    // Columns A–G are printed (one landscape page at full size, texts wrapped); H is for the screen.
    static constexpr std::array<double, 8> widths = {30, 16, 30, 20, 11, 11, 38, 22};
    for (std::size_t c = 0; c < widths.size(); ++c)
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                             c < 7 ? f_wrap_ : nullptr);
    const std::array<const char*, 8> headers = {l.pick("Problème", "Problem"),
                                                l.pick("Référence", "Reference"),
                                                l.pick("Intitulé du poste", "Job title"),
                                                l.pick("Employeur", "Employer"),
                                                l.pick("Date de dépôt", "Posted on"),
                                                l.pick("Date limite", "Deadline"),
                                                l.pick("Détail", "Detail"),
                                                l.pick("Emplacement", "Location in workbook")};
    worksheet_set_row(ws, 0, 30, nullptr);
    for (std::size_t c = 0; c < headers.size(); ++c) put_label(ws, 0, static_cast<lxw_col_t>(c), headers[c], f_header_);
    worksheet_freeze_panes(ws, 1, 0);
    print_setup(ws);
    if (report_.issues.empty()) {
        put_label(ws, 1, 0, l.pick("Aucune anomalie détectée.", "No data problems found."), f_note_);
        check(worksheet_print_area(ws, 0, 0, 1, 6), "cannot set the print area");
        return;
    }
    std::stable_sort(report_.issues.begin(), report_.issues.end(),
                     [](const issue_row& a, const issue_row& b) { return a.kind < b.kind; });
    lxw_row_t row = 1;
    for (const auto& q : report_.issues) {
        const char* label = q.label ? q.label : issue_label(l, q.kind);
        const std::string detail =
            q.kind == issue_kind::duplicate_reference
                ? std::string(l.pick("déjà en ", "already in ")) + location_text(q.first_sheet, q.first_row)
                : q.detail;
        std::size_t lines = std::max(wrapped_lines(label, widths[0]), wrapped_lines(q.title, widths[2]));
        lines = std::max({lines, wrapped_lines(q.employer, widths[3]), wrapped_lines(detail, widths[6])});
        if (lines > 1)
            worksheet_set_row(ws, row, row_points * static_cast<double>(std::min<std::size_t>(lines, 30)), nullptr);
        put_label(ws, row, 0, label);
        put_text(ws, row, 1, q.reference, nullptr, "reference", nullptr, -1);
        put_text(ws, row, 2, q.title, nullptr, "title", nullptr, -1);
        put_text(ws, row, 3, q.employer, nullptr, "employer", nullptr, -1);
        put_date(ws, row, 4, q.posted);
        put_date(ws, row, 5, q.deadline);
        put_text(ws, row, 6, detail, nullptr, "detail", nullptr, -1);
        if (q.sheet >= 0) {
            const std::string target = "internal:" + quote_sheet(sheets_[static_cast<std::size_t>(q.sheet)].name) +
                                       "!A" + std::to_string(q.row + 1);
            const std::string shown = location_text(q.sheet, q.row);
            check(worksheet_write_url_opt(ws, row, 7, target.c_str(), nullptr, shown.c_str(), nullptr),
                  "cannot write an internal link");
        }
        ++row;
    }
    check(worksheet_autofilter(ws, 0, 0, row - 1, 7), "cannot add the filter");
    check(worksheet_print_area(ws, 0, 0, row - 1, 6), "cannot set the print area");
}

void xlsx_session::finish_offer_sheets() {
    const labels& l = s_.lang;
    const date soon_end = s_.as_of.plus_days(closes_soon_days).value_or(s_.as_of);
    const std::string deadline = "$" + column_letters(c_deadline) + "2";
    const std::string rule = "=AND(" + deadline + ">=" + excel_date_formula(s_.as_of) + "," + deadline +
                             "<=" + excel_date_formula(soon_end) + ")";
    const auto headers = offer_headers();
    for (auto& slot : sheets_) {
        if (slot.rows == 0) {
            const std::string message =
                std::string(l.pick("Aucune offre publiée en ", "No offers were published in ")) +
                (s_.yearly ? l.month_label(month_index(s_.year, static_cast<int>(&slot - sheets_.data()) + 1))
                           : l.month_label(s_.month_mi)) +
                ".";
            put_label(slot.ws, 1, 0, message, f_note_);
            check(worksheet_print_area(slot.ws, 0, 0, 1, offer_printed_columns - 1), "cannot set the print area");
            continue;
        }
        const auto last = static_cast<lxw_row_t>(slot.rows);
        check(worksheet_print_area(slot.ws, 0, 0, last, offer_printed_columns - 1), "cannot set the print area");
        if (!s_.yearly) {
            // An Excel table: filters, banded rows, named columns.
            std::array<lxw_table_column, offer_columns> cols{};
            std::array<lxw_table_column*, offer_columns + 1> col_ptrs{};
            for (std::size_t c = 0; c < cols.size(); ++c) {
                cols[c].header = const_cast<char*>(headers[c].c_str());
                cols[c].header_format = f_header_;
                col_ptrs[c] = &cols[c];
            }
            lxw_table_options table{};
            table.name = const_cast<char*>(l.pick("OffresDuMois", "OffersOfTheMonth"));
            table.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
            table.style_type_number = 9;
            table.columns = col_ptrs.data();
            check(worksheet_add_table(slot.ws, 0, 0, last, offer_columns - 1, &table), "cannot add the table");
        } else {
            // constant_memory mode has no tables: an autofilter does the job.
            check(worksheet_autofilter(slot.ws, 0, 0, last, offer_columns - 1), "cannot add the filter");
        }
        lxw_conditional_format cf{};
        cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
        cf.value_string = const_cast<char*>(rule.c_str());
        cf.format = f_soon_;
        check(worksheet_conditional_format_range(slot.ws, 1, 0, last, offer_columns - 1, &cf),
              "cannot add the conditional format");
    }
}

void xlsx_session::set_properties() {
    const labels& l = s_.lang;
    const std::string period_text = s_.yearly ? std::to_string(s_.year) : l.month_label(s_.month_mi);
    const std::string title =
        std::string(s_.yearly ? l.pick("Recrutements — synthèse annuelle ", "Recruitment — yearly summary ")
                              : l.pick("Recrutements — synthèse mensuelle, ", "Recruitment — monthly summary, ")) +
        period_text;
    const std::string subject = std::string(l.pick("Offres d'emploi publiées : ", "Job offers published: ")) +
                                period_text + l.pick(", situation au ", ", as of ") + l.date_text(s_.as_of);
    // The company: the employer of most offers of the period (ties: the first in order).
    std::string company;
    std::uint32_t best = 0;
    for (const auto& [k, v] : report_.by_employer)
        if (!k.empty() && (v > best || (v == best && k < company))) {
            best = v;
            company = k;
        }
    company = utf8_prefix(company, 250);  // employers of fitted offers: valid UTF-8
    lxw_doc_properties props{};
    props.title = const_cast<char*>(title.c_str());
    props.subject = const_cast<char*>(subject.c_str());
    props.author = const_cast<char*>("offerkit");
    props.company = const_cast<char*>(company.c_str());
    props.category = const_cast<char*>(l.pick("Rapport de recrutement", "Recruitment report"));
    // A fixed creation time makes the file reproducible: the as-of date, 00:00 UTC.
    const std::int64_t seconds = s_.as_of.days_since_epoch() * 86400;
    props.created = static_cast<time_t>(seconds == 0 ? 1 : seconds);
    check(workbook_set_properties(wb_, &props), "cannot set the document properties");
}

// A report of a period that holds no offer is still written (a month may be
// empty), but never silently: the default month is easy to get wrong.
void xlsx_session::warn_empty_period() {
    std::string period, why;
    if (s_.yearly) {
        period = std::to_string(s_.year);
    } else {
        period = s_.start.to_iso().substr(0, 7);
        if (!s_.month_given)
            why = std::string(", the default month: the month before ") +
                  (s_.as_of_given ? "as-of " + s_.as_of.to_iso() : "today (" + s_.as_of.to_iso() + " in Nouméa)") +
                  "; choose it with month=YYYY-MM (--month)";
    }
    diags_.warn({}, "xlsx: none of the " + std::to_string(report_.received) + " offer" +
                        (report_.received == 1 ? "" : "s") + " read was posted in " + period + why +
                        "; the report's figures for " + period + " are empty");
}

std::vector<fs::path> xlsx_session::finish() {
    if (finished_) throw error(errc::usage_error, "xlsx: finish() called twice");
    finished_ = true;
    if (report_.period.published == 0) warn_empty_period();
    {
        c_locale_scope c_locale;
        finish_offer_sheets();
        write_summary();
        write_recruitment();
        finish_tracking_sheet();
        write_quality();
        set_properties();
        // libxlsxwriter opens the file only now, and prints to stderr when it
        // cannot: check the place first so that the usual case is our message.
        const fs::path dir = write_path_.has_parent_path() ? write_path_.parent_path() : fs::path(".");
        if (::access(dir.c_str(), W_OK) != 0) {
            const int err = errno;
            throw error(errc::io_error,
                        "xlsx: " + (stream_ ? std::string("the output stream") : out_->final_path().string()) +
                            ": cannot write the workbook: directory " + dir.string() + ": " + std::strerror(err));
        }
        lxw_workbook* wb = wb_;
        wb_ = nullptr;  // workbook_close frees it, whatever happens
        lxw_error e = LXW_NO_ERROR;
        // libxlsxwriter opens the file by its name: see atomic_output::write_by_name.
        try {
            written().write_by_name([&](const fs::path&) { e = workbook_close(wb); });
        } catch (...) {  // removed before it was written (an interrupted run)
            lxw_workbook_free(wb);
            throw;
        }
        if (e != LXW_NO_ERROR) {
            const std::string where = stream_ ? std::string("the output stream") : out_->final_path().string();
            const bool io = e == LXW_ERROR_CREATING_XLSX_FILE || e == LXW_ERROR_CREATING_TMPFILE ||
                            e == LXW_ERROR_READING_TMPFILE || e == LXW_ERROR_ZIP_FILE_OPERATION ||
                            e == LXW_ERROR_ZIP_FILE_ADD || e == LXW_ERROR_ZIP_CLOSE ||
                            e == LXW_ERROR_ZIP_BAD_ZIP_FILE || e == LXW_ERROR_ZIP_INTERNAL_ERROR ||
                            e == LXW_ERROR_ZIP_PARAMETER_ERROR;
            std::string message = where + ": cannot write the workbook: " + lxw_strerror(e);
            if (e == LXW_ERROR_CREATING_XLSX_FILE)
                message += " (" + write_path_.string() + ": check that the directory exists and is writable)";
            throw error(io ? errc::io_error : errc::export_failed, "xlsx: " + message);
        }
    }
    if (own_temp_) {
        // Copied chunk by chunk, every write checked: a full disk or a closed
        // pipe must fail the export, not leave a truncated zip and exit 0.
        std::ifstream in(own_temp_->temp_path(), std::ios::binary);
        std::ostream& dest = stream_ ? *stream_ : out_->stream();
        std::vector<char> buf(1 << 16);
        bool read_ok = static_cast<bool>(in);
        errno = 0;
        while (read_ok && dest) {
            in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
            const std::streamsize n = in.gcount();
            if (n > 0) dest.write(buf.data(), n);
            if (!in) {
                read_ok = in.eof();
                break;
            }
        }
        if (dest) dest.flush();
        const int err = errno;
        own_temp_.reset();
        if (!read_ok || !dest)
            throw error(errc::io_error,
                        "xlsx: " + (stream_ ? std::string("the output stream") : out_->final_path().string()) +
                            ": write failed: " + std::strerror(err ? err : EIO));
    }
    if (stream_) return {};
    out_->commit();
    return {out_->final_path()};
}

}  // namespace

// ---------------------------------------------------------------------------
// The exporter

const exporter_info& xlsx_exporter::info() const noexcept {
    static const exporter_info i{
        "xlsx",
        "Excel recruitment summary: key figures, charts, offers, data quality (monthly or yearly)",
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        {
            {"month", "report month, YYYY-MM (default: the month before as-of)", "", true},
            {"year", "yearly report for YYYY: one sheet per month and a year summary", "", true},
            {"as-of", "the day the report is made, YYYY-MM-DD (default: today in Nouméa, UTC+11)", "", true},
            {"lang", "labels: fr or en", "fr", true},
        },
        true};  // a summary: each offer of the batch once
    return i;
}

std::unique_ptr<export_session> xlsx_exporter::begin(const export_target& target, const option_map& options,
                                                     diagnostics& diags) const {
    check_options(info(), options);
    settings s = read_settings(options);
    return std::make_unique<xlsx_session>(s, target, diags);
}

}  // namespace offerkit::xlsx_plugin
