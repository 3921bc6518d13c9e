/// Removes what the website put around the document: breadcrumbs, print/close buttons, the
/// QR-code line, font-size controls, visit counters, related/hot article lists, keyword spam
/// and leave-site dialogs. Works on lines; the document's own lines are never edited.
enum ChromeFilter {
    struct Output {
        var lines: [SourceLine]
        var removed: [SourceLine]
        /// 发布时间 read from a "时间:2022-06-06 16:06 访问量:" line before it was dropped.
        var published: (CalendarDate, Int)?
    }

    private static let linePrefixes = ["当前位置", "您的位置", "您现在的位置", "您当前的位置", "所在位置", "首页>", "首页 >", "首页＞"]
    private static let fragments = [
        "扫一扫在手机打开", "扫一扫在手机上打开", "在手机打开当前页", "即将离开", "是否继续", "访问量", "浏览次数", "阅读次数",
        "点击数:", "点击数：", "浏览量", "【字体", "字体：", "字体:", "字号：", "字号:", "分享到", "打印本页", "关闭窗口",
        "【打印】", "【关闭】", "[打印]", "[关闭]", "返回顶部", "您是第", "网站地图", "联系我们", "版权所有", "ICP备", "公网安备",
    ]
    /// Whole lines made only of these words are buttons.
    private static let buttonWords: Set<String> = [
        "打印", "关闭", "收藏", "分享", "朗读", "字体", "大", "中", "小", "默认", "放大", "缩小", "保存", "纠错", "返回", "顶部",
        "【", "】", "[", "]", "x", "×", "X", "-", "—", ":", "：", "/", "继续访问", "放弃", "取消", "确定", "上一篇", "下一篇",
        "打印本页", "关闭本页", "关闭窗口", "扫一扫", "字号", "视力保护色", "护眼模式", "停止",
    ]
    /// Headings of the lists that sites append after the document.
    private static let tailHeadings: Set<String> = [
        "相关信息", "相关文章", "相关链接", "相关阅读", "相关文件", "推荐文章", "热门文章", "热点文章", "热门推荐", "热点推荐",
        "常见问题", "站点关键词", "相关新闻", "最新文章", "猜你喜欢", "延伸阅读", "相关政策", "相关稿件", "相关解读",
    ]

    static func filter(_ input: [SourceLine]) -> Output {
        var kept: [SourceLine] = []
        var removed: [SourceLine] = []
        var published: (CalendarDate, Int)?
        var dropping = false
        for line in input {
            let t = Fold.halfWidth(line.trimmed)
            if dropping {
                // A related-article list is short lines; a long sentence means the document resumed.
                if t.count >= 60, t.contains("。") { dropping = false } else { removed.append(line); continue }
            }
            if tailHeadings.contains(t.replacingOccurrences(of: ":", with: "")) {
                dropping = true
                removed.append(line)
                continue
            }
            if isChrome(t) {
                if published == nil, t.contains("时间") || t.contains("日期"), let found = DocDate.first(in: t) {
                    published = (found.date, line.number)
                }
                removed.append(line)
                continue
            }
            kept.append(line)
        }
        return Output(lines: kept, removed: removed, published: published)
    }

    static func isChrome(_ t: String) -> Bool {
        if t.isEmpty { return false }
        if linePrefixes.contains(where: { t.hasPrefix($0) }) { return true }
        if fragments.contains(where: { t.contains($0) }) { return true }
        let words = t.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if !words.isEmpty, words.allSatisfy({ buttonWords.contains($0) || $0.allSatisfy { "【】[]:：".contains($0) } }) { return true }
        if words.count == 1, t.count <= 2, t.hanCount == 0, !t.contains("|") { return true }
        return isKeywordSpam(words, t)
    }

    /// A long run of short space-separated phrases with no sentence punctuation: SEO keywords.
    private static func isKeywordSpam(_ words: [String], _ t: String) -> Bool {
        guard words.count >= 8 else { return false }
        if t.contains(where: { "。,，;；:：、|".contains($0) }) { return false }
        return words.allSatisfy { $0.count <= 16 }
    }
}
