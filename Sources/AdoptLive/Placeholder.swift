/// Placeholder until the watcher lands.
enum AdoptLivePlaceholder {}
