// The command line in the person's language (command_line.hpp).
#include "client/command_line.hpp"

#include <algorithm>

#include "client/closest.hpp"
#include "client/messages.hpp"

namespace kinerja {

// A subcommand copies its help flag from its parent before it takes the parent's option
// group, so each one's is moved into the group once the command tree is complete.
static void help_flags_in_group(CLI::App& app, const std::string& group) {
  if (auto* help = app.get_help_ptr()) help->group(group);
  for (auto* sub : app.get_subcommands([](CLI::App*) { return true; })) help_flags_in_group(*sub, group);
}

void localise(CLI::App& app) {
  app.option_defaults()->group(msg(Msg::HelpOptions));
  app.set_help_flag("-h,--help", msg(Msg::HelpFlag));  // again, now in the group above
  app.preparse_callback([&app](size_t) { help_flags_in_group(app, msg(Msg::HelpOptions)); });
  app.group(msg(Msg::HelpSubcommands));
  auto f = app.get_formatter();
  f->label("Usage", msg(Msg::HelpUsage));
  f->label("OPTIONS", msg(Msg::HelpOptionsUpper));
  f->label("SUBCOMMAND", msg(Msg::HelpSubcommand));
  f->label("SUBCOMMANDS", msg(Msg::HelpSubcommand));
  f->label("REQUIRED", msg(Msg::HelpRequired));
  f->label("Positionals", msg(Msg::HelpPositionals));
}

namespace {

// The commands APP's parse went through, outermost first ("kinerja", "case", "open").
std::vector<const CLI::App*> parsed_path(const CLI::App& app) {
  std::vector<const CLI::App*> path{&app};
  while (!path.back()->get_subcommands().empty()) path.push_back(path.back()->get_subcommands().back());
  return path;
}

std::string command_text(const std::vector<const CLI::App*>& path) {
  std::string out;
  for (const auto* a : path) out += (out.empty() ? "" : " ") + a->get_name();
  return out;
}

// The option of the parsed commands whose name E's message names (the longest such name).
const CLI::Option* option_named_in(const std::vector<const CLI::App*>& path, const std::string& what) {
  const CLI::Option* best = nullptr;
  for (const auto* a : path)
    for (const auto* o : a->get_options()) {
      std::string name = o->get_name();
      if (!name.empty() && what.find(name) != std::string::npos && (!best || name.size() > best->get_name().size()))
        best = o;
    }
  return best;
}


std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
  return names;
}

// An argument no command took: an unknown option, an unknown subcommand, or one too many.
std::string unknown_text(const std::vector<const CLI::App*>& path, const std::string& arg) {
  std::string command = command_text(path);
  if (arg.rfind('-', 0) == 0) {
    std::string typed = arg.substr(0, arg.find('='));
    std::vector<std::string> names;
    for (const auto* a : path)
      for (const auto* o : a->get_options())
        for (const auto& n : o->get_lnames()) names.push_back("--" + n);
    auto near = closest(typed, names);
    return near ? msg(Msg::DidYouMean, {msg(Msg::UnknownOption, {typed}), *near}) : msg(Msg::UnknownOption, {typed});
  }
  std::vector<std::string> names = subcommand_names(*path.back());
  if (names.empty()) return msg(Msg::UnexpectedArgument, {arg, command});
  auto near = closest(arg, names);
  return near ? msg(Msg::DidYouMean, {msg(Msg::UnknownCommand, {arg}), *near})
              : msg(Msg::SeeCommands, {msg(Msg::UnknownCommand, {arg}), command});
}

std::string between(const std::string& s, const std::string& from, const std::string& to) {
  size_t a = s.find(from);
  if (a == std::string::npos) return "";
  a += from.size();
  size_t b = to.empty() ? s.size() : s.find(to, a);
  return b == std::string::npos ? "" : s.substr(a, b - a);
}

std::string invalid_value_text(const std::vector<const CLI::App*>& path, const std::string& what) {
  const CLI::Option* o = option_named_in(path, what);
  if (!o) return msg(Msg::BadCommandLine, {command_text(path)});
  std::string value;
  for (const auto& r : o->results()) value += (value.empty() ? "" : " ") + r;
  std::string name = o->get_name();
  if (std::string set = between(what, " not in {", "}"); !set.empty()) {
    std::replace(set.begin(), set.end(), ',', '|');
    return msg(Msg::InvalidValueOneOf, {name, value, set});
  }
  bool number = !value.empty() && value.find_first_not_of("-0123456789") == std::string::npos;
  if (std::string range = between(what, " not in range ", ""); number && !range.empty())
    return msg(Msg::InvalidValueRange, {name, value, range.substr(0, range.find(' ')), between(range, " to ", "")});
  return msg(Msg::InvalidValue, {name, value});
}

std::string required_text(const std::vector<const CLI::App*>& path) {
  for (auto a = path.rbegin(); a != path.rend(); ++a)
    for (const auto* o : (*a)->get_options())
      if (o->get_required() && o->count() == 0) return msg(Msg::Required, {o->get_name()});
  std::vector<std::string> names = subcommand_names(*path.back());
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  if (!names.empty()) return msg(Msg::SubcommandRequired, {command_text(path), list});
  return msg(Msg::BadCommandLine, {command_text(path)});
}

}  // namespace

std::string parse_error_text(const CLI::App& app, const CLI::ParseError& e) {
  auto path = parsed_path(app);
  std::string what = e.what();
  for (size_t i = 0; i < path.size(); ++i)  // the outermost command left an argument it did not know
    if (auto rest = path[i]->remaining(); !rest.empty())
      return unknown_text({path.begin(), path.begin() + static_cast<std::ptrdiff_t>(i) + 1}, rest.front());
  std::string kind = e.get_name();
  if (kind == "RequiredError") return required_text(path);
  if (kind == "ValidationError" || kind == "ConversionError") return invalid_value_text(path, what);
  if (kind == "ArgumentMismatch") {
    const CLI::Option* o = option_named_in(path, what);
    if (o) return msg(Msg::WrongValueCount, {o->get_name(), command_text(path)});
  }
  if (kind == "ExcludesError") return msg(Msg::Excludes, {what.substr(0, what.find(' ')), between(what, " excludes ", "")});
  if (kind == "RequiresError") return msg(Msg::Requires, {what.substr(0, what.find(' ')), between(what, " requires ", "")});
  return msg(Msg::BadCommandLine, {command_text(path)});
}

}  // namespace kinerja
