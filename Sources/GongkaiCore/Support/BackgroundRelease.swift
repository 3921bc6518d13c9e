import Dispatch

/// Hands `value` to a background thread, so that when it holds the last references, the
/// freeing happens there. A build's model is millions of small objects at 100,000 records
/// (records, targets, list items, pages): freed one by one on the building thread, they took
/// a serial second and more between the last page written and the build's end, while the
/// other core sat idle. A command-line build exits before that thread is done, so it skips
/// the work altogether; a preview server frees it meanwhile.
func releaseInBackground<T: Sendable>(_ value: consuming T) {
    let value = value
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
}
