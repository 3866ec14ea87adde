// offerkit/offerkit.hpp — the whole public API.
#pragma once

#include <offerkit/batch.hpp>
#include <offerkit/date.hpp>
#include <offerkit/diagnostics.hpp>
#include <offerkit/document.hpp>
#include <offerkit/error.hpp>
#include <offerkit/exporter.hpp>
#include <offerkit/facts.hpp>
#include <offerkit/fields.hpp>
#include <offerkit/importer.hpp>
#include <offerkit/job_offer.hpp>
#include <offerkit/jobposting.hpp>
#include <offerkit/json.hpp>
#include <offerkit/output_file.hpp>
#include <offerkit/parallel_export.hpp>
#include <offerkit/posting_parser.hpp>
#include <offerkit/reader.hpp>
#include <offerkit/recruitment.hpp>
#include <offerkit/referential.hpp>
#include <offerkit/registry.hpp>
#include <offerkit/rules.hpp>
#include <offerkit/text.hpp>
#include <offerkit/text_safety.hpp>
#include <offerkit/tracking.hpp>
#include <offerkit/validate.hpp>
#include <offerkit/version.hpp>
