// The end-to-end tests share two cores with the rest of the build and measure latency: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// nginx, logrotate, POSIX signals: these tests run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
