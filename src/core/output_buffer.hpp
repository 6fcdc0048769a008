// A growable byte buffer with inline appends: the markdown renderer's
// output (render_markdown_into), kept by callers that render many documents
// so that its capacity survives between them.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>

namespace quire {

// std::string's appends are calls into the library; pieces of up to 16
// bytes (most tags and words) are copied here inline as two overlapping
// words instead, longer ones with memcpy (one memory.copy in WebAssembly).
class OutputBuffer {
 public:
  OutputBuffer() = default;
  OutputBuffer(const OutputBuffer&) = delete;
  OutputBuffer& operator=(const OutputBuffer&) = delete;

  void append(const char* p, std::size_t n) {
    if (n > capacity_ - size_) grow(n);
    char* d = data_.get() + size_;
    size_ += n;
    if (n > 16) {
      std::memcpy(d, p, n);
    } else if (n >= 8) {
      copy_word<8>(d, p);
      copy_word<8>(d + n - 8, p + n - 8);
    } else if (n >= 4) {
      copy_word<4>(d, p);
      copy_word<4>(d + n - 4, p + n - 4);
    } else if (n > 0) {
      d[0] = p[0];
      d[n / 2] = p[n / 2];
      d[n - 1] = p[n - 1];
    }
  }
  void append(std::string_view s) { append(s.data(), s.size()); }
  OutputBuffer& operator+=(std::string_view s) {
    append(s);
    return *this;
  }
  OutputBuffer& operator+=(char c) {
    if (size_ == capacity_) grow(1);
    data_[size_++] = c;
    return *this;
  }
  // Room for `n` more bytes: where they go. Bytes written there count once
  // commit() says how many (markdown.cpp's escaping copies 16 at a time).
  char* room(std::size_t n) {
    if (n > capacity_ - size_) grow(n);
    return data_.get() + size_;
  }
  void commit(std::size_t n) { size_ += n; }
  void reserve(std::size_t capacity) {
    if (capacity > capacity_) reallocate(capacity);
  }
  // Empties the buffer; its capacity stays.
  void clear() { size_ = 0; }
  // Drops everything from offset `n` on.
  void truncate(std::size_t n) { size_ = std::min(size_, n); }
  std::size_t size() const { return size_; }
  // Valid until the next change.
  std::string_view view() const { return {data_.get(), size_}; }

 private:
  template <std::size_t N>
  static void copy_word(char* d, const char* p) {
    char word[N];
    std::memcpy(word, p, N);
    std::memcpy(d, word, N);
  }

  void grow(std::size_t n) { reallocate(std::max(capacity_ * 2, size_ + n)); }

  void reallocate(std::size_t capacity) {
    std::unique_ptr<char[]> fresh(new char[capacity]);  // not zeroed
    if (size_ > 0) std::memcpy(fresh.get(), data_.get(), size_);
    data_ = std::move(fresh);
    capacity_ = capacity;
  }

  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace quire
