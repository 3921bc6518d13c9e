#ifndef GONGKAI_CCMARKGFM_SHIM_H
#define GONGKAI_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
// The extension struct itself, so that `MarkdownRenderer` can copy an extension.
#include <cmark-gfm/syntax_extension.h>
#endif
