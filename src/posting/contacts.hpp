// posting/contacts.hpp — people to ask, read from the "Contact" /
// "Renseignements" part of a posting: name (without civility), role, e-mail, phone.
#pragma once

#include <offerkit/job_offer.hpp>

#include <string_view>
#include <vector>

namespace offerkit::posting {

std::vector<contact> parse_contacts(std::string_view text);

}  // namespace offerkit::posting
