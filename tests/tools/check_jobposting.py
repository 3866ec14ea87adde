#!/usr/bin/python3
"""Checks exported schema.org JobPosting JSON-LD against Google's job posting
guidance and offerkit's HTML rules, independently of offerkit's C++ code.

Usage: check_jobposting.py [--require PROP]... [--strict] FILE...

A file holds one JobPosting object, a JSON array of them, or JSON Lines.
Errors (exit 1):
  - not JSON; not an object / array; @context is not schema.org; @type is not JobPosting
  - a null value, an empty string or an empty array anywhere
  - a property that is neither a JSON-LD keyword, a known schema.org property
    nor an absolute IRI / prefixed name ("offerkit:grade")
  - Google's required properties: title (plain text), description (HTML with
    only <p>, <ul>, <li>, <br>, well nested, no attributes, text not equal to
    the title), datePosted (ISO 8601 date), hiringOrganization (Organization
    with a name), jobLocation (Place with a PostalAddress, addressCountry NC)
  - recommended properties, when present, of the wrong shape: validThrough
    (end of day, Noumea time: YYYY-MM-DDT23:59:59+11:00, not before datePosted),
    identifier (PropertyValue with name and value), employmentType (Google's
    values), directApply (boolean; true only with a url), applicationContact
    (ContactPoint), jobStartDate, jobImmediateStart, totalJobOpenings,
    educationRequirements.credentialCategory (Google's values)
  - a property given with --require that is missing
Warnings (printed; errors with --strict): recommended properties missing.
Prints one line per posting: "OK file[#n] title" or the problems.
"""
import html.parser
import json
import re
import sys

REQUIRED = ["title", "description", "datePosted", "hiringOrganization", "jobLocation"]
RECOMMENDED = ["validThrough", "identifier", "employmentType", "directApply", "baseSalary"]
EMPLOYMENT_TYPES = {"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"}
CREDENTIAL_CATEGORIES = {"high school", "associate degree", "bachelor degree", "professional certificate",
                         "postgraduate degree"}
ALLOWED_TAGS = {"p", "ul", "li", "br"}
# schema.org properties a JobPosting (and the nodes it holds) may use here.
SCHEMA_PROPERTIES = {
    # JobPosting
    "title", "description", "datePosted", "validThrough", "hiringOrganization", "jobLocation", "identifier",
    "employmentType", "directApply", "applicationContact", "baseSalary", "estimatedSalary", "salaryCurrency",
    "eligibilityToWorkRequirement", "employmentUnit", "relevantOccupation", "responsibilities", "skills",
    "qualifications", "educationRequirements", "experienceRequirements", "experienceInPlaceOfEducation",
    "specialCommitments", "workHours", "jobBenefits", "jobStartDate", "jobImmediateStart", "totalJobOpenings",
    "industry", "occupationalCategory", "employerOverview", "jobLocationType", "applicantLocationRequirements",
    "physicalRequirement", "sensoryRequirement", "securityClearanceRequirement", "incentiveCompensation",
    "jobDuration", "url", "name", "alternateName", "disambiguatingDescription", "image", "sameAs",
    "mainEntityOfPage", "potentialAction", "subjectOf", "additionalType",
    # Organization, Place, PostalAddress, PropertyValue, Occupation, ContactPoint, credentials
    "department", "logo", "address", "streetAddress", "addressLocality", "addressRegion", "postalCode",
    "addressCountry", "value", "propertyID", "contactType", "email", "telephone", "credentialCategory",
    "competencyRequired", "educationalLevel", "occupationalCategory", "codeValue", "monthsOfExperience",
    "parentOrganization",
}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?$")
END_OF_DAY_NC_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})T23:59:59\+11:00$")


class DescriptionChecker(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.stack = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append("description: tag <%s> is not allowed (only p, ul, li, br)" % tag)
        if attrs:
            self.problems.append("description: <%s> has attributes" % tag)
        if tag == "br":
            return
        if tag == "li" and (not self.stack or self.stack[-1] != "ul"):
            self.problems.append("description: <li> outside <ul>")
        if tag in ("p", "ul") and self.stack and self.stack[-1] == "p":
            self.problems.append("description: <%s> inside <p>" % tag)
        self.stack.append(tag)
        self.text.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag != "br":
            self.problems.append("description: <%s/> is not allowed" % tag)
        self.text.append(" ")

    def handle_endtag(self, tag):
        if tag == "br":
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append("description: </%s> does not close the open element %s" %
                                 (tag, self.stack[-1] if self.stack else "(none)"))
            return
        self.stack.pop()
        self.text.append(" ")

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "ul" and data.strip():
            self.problems.append("description: text directly inside <ul>")
        if not self.stack and data.strip():
            self.problems.append("description: text outside any <p> or <li>")
        self.text.append(data)

    def close(self):
        super().close()
        if self.stack:
            self.problems.append("description: unclosed <%s>" % self.stack[-1])


def plain(text):
    return " ".join(text.split())


def walk_values(value, path, problems):
    """No null, empty string or empty array; known property names."""
    if value is None:
        problems.append("%s: null value" % path)
    elif isinstance(value, str):
        if not value.strip():
            problems.append("%s: empty string" % path)
    elif isinstance(value, list):
        if not value:
            problems.append("%s: empty array" % path)
        for i, v in enumerate(value):
            walk_values(v, "%s[%d]" % (path, i), problems)
    elif isinstance(value, dict):
        for k, v in value.items():
            if not (k.startswith("@") or k in SCHEMA_PROPERTIES or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", k)):
                problems.append("%s.%s: not a schema.org property here, nor an IRI" % (path, k))
            walk_values(v, "%s.%s" % (path, k) if path else k, problems)


def typed(node, expected):
    return isinstance(node, dict) and node.get("@type") == expected


def as_list(v):
    return v if isinstance(v, list) else [v]


def check_posting(p, required_extra):
    errors, warnings = [], []
    if not isinstance(p, dict):
        return ["not a JSON object"], []
    ctx = p.get("@context")
    if not (isinstance(ctx, str) and re.match(r"^https?://schema\.org/?$", ctx)):
        errors.append("@context is not https://schema.org: %r" % (ctx,))
    if p.get("@type") != "JobPosting":
        errors.append("@type is not JobPosting: %r" % (p.get("@type"),))
    walk_values(p, "", errors)

    for prop in REQUIRED + list(required_extra):
        if prop not in p:
            errors.append("%s: missing (required)" % prop)
    for prop in RECOMMENDED:
        if prop not in p and prop not in required_extra:
            warnings.append("%s: missing (recommended)" % prop)

    title = p.get("title")
    if "title" in p:
        if not isinstance(title, str):
            errors.append("title: not a string")
        elif "<" in title or ">" in title:
            errors.append("title: contains markup")
    desc = p.get("description")
    if "description" in p:
        if not isinstance(desc, str):
            errors.append("description: not a string")
        else:
            checker = DescriptionChecker()
            checker.feed(desc)
            checker.close()
            errors.extend(checker.problems)
            text = plain("".join(checker.text))
            if not text:
                errors.append("description: no text")
            if isinstance(title, str) and text == plain(title):
                errors.append("description: equal to the title")
            if re.search(r"&(?!(amp|lt|gt|quot|#\d+|#x[0-9a-fA-F]+);)", desc):
                errors.append("description: unescaped '&'")
    posted = p.get("datePosted")
    if "datePosted" in p and not (isinstance(posted, str) and DATETIME_RE.match(posted)):
        errors.append("datePosted: not an ISO 8601 date: %r" % (posted,))
    org = p.get("hiringOrganization")
    if "hiringOrganization" in p:
        if not typed(org, "Organization") or not isinstance(org.get("name"), str):
            errors.append("hiringOrganization: not an Organization with a name")
        elif "department" in org and not (typed(org["department"], "Organization") and org["department"].get("name")):
            errors.append("hiringOrganization.department: not an Organization with a name")
    if "jobLocation" in p:
        for i, place in enumerate(as_list(p["jobLocation"])):
            where = "jobLocation[%d]" % i if isinstance(p["jobLocation"], list) else "jobLocation"
            addr = place.get("address") if isinstance(place, dict) else None
            if not typed(place, "Place"):
                errors.append("%s: not a Place" % where)
            elif not typed(addr, "PostalAddress"):
                errors.append("%s.address: not a PostalAddress" % where)
            else:
                if addr.get("addressCountry") != "NC":
                    errors.append("%s.address.addressCountry: not NC: %r" % (where, addr.get("addressCountry")))
                if not any(k in addr for k in ("addressLocality", "addressRegion", "streetAddress", "postalCode")):
                    warnings.append("%s.address: only the country (Google recommends the locality)" % where)

    if "validThrough" in p:
        vt = p["validThrough"]
        m = END_OF_DAY_NC_RE.match(vt) if isinstance(vt, str) else None
        if not m:
            errors.append("validThrough: not the end of a day in Noumea time (YYYY-MM-DDT23:59:59+11:00): %r" % (vt,))
        elif isinstance(posted, str) and DATE_RE.match(posted[:10]) and m.group(1) < posted[:10]:
            errors.append("validThrough: %s is before datePosted %s" % (m.group(1), posted[:10]))
    if "identifier" in p:
        ident = p["identifier"]
        if not typed(ident, "PropertyValue") or not isinstance(ident.get("value"), (str, int)) \
                or not isinstance(ident.get("name"), str):
            errors.append("identifier: not a PropertyValue with a name and a value")
    if "employmentType" in p:
        for t in as_list(p["employmentType"]):
            if t not in EMPLOYMENT_TYPES:
                errors.append("employmentType: %r is not one of Google's values" % (t,))
    if "directApply" in p:
        if not isinstance(p["directApply"], bool):
            errors.append("directApply: not a boolean")
        elif p["directApply"] and "url" not in p:
            errors.append("directApply: true without a url")
    if "url" in p and not re.match(r"^https?://", str(p["url"])):
        errors.append("url: not an http(s) URL: %r" % (p["url"],))
    if "applicationContact" in p:
        for c in as_list(p["applicationContact"]):
            if not typed(c, "ContactPoint"):
                errors.append("applicationContact: not a ContactPoint")
            elif not any(k in c for k in ("email", "telephone", "name", "contactType")):
                errors.append("applicationContact: a ContactPoint without any detail")
    if "jobStartDate" in p and not isinstance(p["jobStartDate"], str):
        errors.append("jobStartDate: not a date or a text")
    if "jobImmediateStart" in p and not isinstance(p["jobImmediateStart"], bool):
        errors.append("jobImmediateStart: not a boolean")
    if "totalJobOpenings" in p and not (isinstance(p["totalJobOpenings"], int)
                                        and not isinstance(p["totalJobOpenings"], bool)
                                        and p["totalJobOpenings"] >= 0):
        errors.append("totalJobOpenings: not a whole number")
    if "eligibilityToWorkRequirement" in p and not isinstance(p["eligibilityToWorkRequirement"], str):
        errors.append("eligibilityToWorkRequirement: not a text")
    for prop in ("responsibilities", "skills"):
        if prop in p and not all(isinstance(x, str) for x in as_list(p[prop])):
            errors.append("%s: not text" % prop)
    if "educationRequirements" in p:
        for e in as_list(p["educationRequirements"]):
            if isinstance(e, dict):
                if e.get("@type") != "EducationalOccupationalCredential":
                    errors.append("educationRequirements: object is not an EducationalOccupationalCredential")
                elif e.get("credentialCategory") not in CREDENTIAL_CATEGORIES:
                    errors.append("educationRequirements.credentialCategory: %r is not one of Google's values"
                                  % (e.get("credentialCategory"),))
            elif not isinstance(e, str):
                errors.append("educationRequirements: neither text nor a credential")
    for prop in ("employmentUnit",):
        if prop in p and not (typed(p[prop], "Organization") and p[prop].get("name")):
            errors.append("%s: not an Organization with a name" % prop)
    if "relevantOccupation" in p and not (typed(p["relevantOccupation"], "Occupation")
                                          and p["relevantOccupation"].get("name")):
        errors.append("relevantOccupation: not an Occupation with a name")
    return errors, warnings


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        doc = json.loads(text)
        return doc if isinstance(doc, list) else [doc]
    except json.JSONDecodeError:
        # JSON Lines
        return [json.loads(line) for line in text.splitlines() if line.strip()]


def main(argv):
    required_extra, strict, files = [], False, []
    args = iter(argv)
    for a in args:
        if a == "--require":
            required_extra.append(next(args))
        elif a == "--strict":
            strict = True
        else:
            files.append(a)
    if not files:
        print(__doc__)
        return 2
    failed = False
    for path in files:
        try:
            postings = load(path)
        except (OSError, ValueError) as e:
            print("FAIL %s: %s" % (path, e))
            failed = True
            continue
        if not postings:
            print("FAIL %s: no posting" % path)
            failed = True
        for n, p in enumerate(postings):
            name = path if len(postings) == 1 else "%s#%d" % (path, n + 1)
            errors, warnings = check_posting(p, required_extra)
            if strict:
                errors, warnings = errors + warnings, []
            for w in warnings:
                print("WARN %s: %s" % (name, w))
            if errors:
                failed = True
                for e in errors:
                    print("FAIL %s: %s" % (name, e))
            else:
                print("OK %s %s" % (name, p.get("title") if isinstance(p, dict) else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
