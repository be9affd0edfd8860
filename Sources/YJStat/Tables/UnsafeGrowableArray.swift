/// A growable array of plain values in manually managed memory, for the streaming scanner's hot
/// loops: no bounds checks, no copy-on-write, no exclusivity checks. Callers keep indices in
/// range; the scanner never indexes it with values read from input, only with counts it made.
///
/// The storage is always followed by `padding` zeroed elements so that 8-byte loads just past
/// the last element stay inside the allocation.
struct UnsafeGrowableArray<Element: BitwiseCopyable>: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count: Int = 0
    private(set) var capacity: Int
    private let padding: Int

    init(capacity: Int = 16, padding: Int = 0) {
        self.capacity = max(1, capacity)
        self.padding = padding
        base = .allocate(capacity: self.capacity + padding)
        UnsafeMutableRawPointer(base).initializeMemory(as: UInt8.self, repeating: 0,
                                                       count: (self.capacity + padding) * MemoryLayout<Element>.stride)
    }

    deinit { base.deallocate() }

    /// The element at `index`; `index` must be below `count`.
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    /// Appends one element, doubling the storage when full.
    mutating func append(_ element: Element) {
        if count == capacity { reserve(capacity * 2) }
        base[count] = element
        count += 1
    }

    /// Appends `n` elements copied from `source`.
    mutating func append(contentsOf source: UnsafePointer<Element>, count n: Int) {
        if count + n > capacity { reserve(max(capacity * 2, count + n)) }
        (base + count).update(from: source, count: n)
        count += n
    }

    /// Makes room for at least `minimum` elements, keeping the contents.
    mutating func reserve(_ minimum: Int) {
        guard minimum > capacity else { return }
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: minimum + padding)
        UnsafeMutableRawPointer(grown).initializeMemory(as: UInt8.self, repeating: 0,
                                                        count: (minimum + padding) * MemoryLayout<Element>.stride)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = minimum
    }

    /// Sets the count (to reuse the storage, or after writing directly into `base`); grows if needed.
    mutating func setCount(_ newCount: Int) {
        if newCount > capacity { reserve(max(capacity * 2, newCount)) }
        count = newCount
    }
}
