#!/usr/bin/env python3
"""Describe a LogMetrics build directory: which of its assemblies carry ReadyToRun code, and how it was laid out.

usage: build_info.py DIR KIND COMMIT

Prints one JSON object: kind and commit as given, `native_aot` (DIR holds a native `logmetrics` executable and no
logmetrics.dll: the NativeAOT build examples/Dockerfile makes; the ReadyToRun fields are then moot), `r2r` ("yes" when logmetrics.dll and LogMetrics.Runtime.dll both
carry native code, "partial", or "no"), `composite` (a *.r2r.dll composite image is present), `self_contained`
(libcoreclr.so is in DIR), `trimmed` (no System.Private.Xml.dll although the framework is in DIR), the counts of
ReadyToRun and IL-only assemblies, and the directory's size in MB.

An assembly carries ReadyToRun code when its CLI header's ManagedNativeHeader directory is not empty (ECMA-335
II.25.3.3; crossgen2 fills it with the READYTORUN_HEADER, also in the component assemblies of a composite image).
"""
import json
import os
import struct
import sys


def rva_to_offset(sections, rva):
    for virtual_address, virtual_size, raw_pointer, raw_size in sections:
        if virtual_address <= rva < virtual_address + max(virtual_size, raw_size):
            return raw_pointer + rva - virtual_address
    return None


def ready_to_run(path):
    """True / False for a managed assembly; None when the file is not a managed PE file."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    if len(data) < 0x40 or data[:2] != b"MZ":
        return None
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe:pe + 4] != b"PE\0\0":
        return None
    sections_count = struct.unpack_from("<H", data, pe + 6)[0]
    optional_size = struct.unpack_from("<H", data, pe + 20)[0]
    optional = pe + 24
    magic = struct.unpack_from("<H", data, optional)[0]
    directories = optional + (96 if magic == 0x10B else 112)
    cli_rva, cli_size = struct.unpack_from("<II", data, directories + 14 * 8)
    if cli_size == 0:
        return None
    sections = []
    table = optional + optional_size
    for i in range(sections_count):
        s = table + i * 40
        virtual_size, virtual_address, raw_size, raw_pointer = struct.unpack_from("<IIII", data, s + 8)
        sections.append((virtual_address, virtual_size, raw_pointer, raw_size))
    cli = rva_to_offset(sections, cli_rva)
    if cli is None:
        return None
    # IMAGE_COR20_HEADER: cb, versions, MetaData, Flags, EntryPoint, Resources, StrongNameSignature,
    # CodeManagerTable, VTableFixups, ExportAddressTableJumps, then ManagedNativeHeader at offset 64.
    native_rva, native_size = struct.unpack_from("<II", data, cli + 64)
    return native_size != 0


def is_elf(path):
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def main():
    directory, kind, commit = sys.argv[1:4]
    r2r, il = [], []
    size = 0
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        if not os.path.isfile(path):
            continue
        if not name.endswith((".dbg", ".pdb")):  # debug symbols: not shipped
            size += os.path.getsize(path)
        if name.endswith(".dll"):
            flag = ready_to_run(path)
            if flag is True:
                r2r.append(name)
            elif flag is False:
                il.append(name)
    ours = [ready_to_run(os.path.join(directory, n)) for n in ("logmetrics.dll", "LogMetrics.Runtime.dll")]
    files = set(os.listdir(directory))
    self_contained = "libcoreclr.so" in files
    native_aot = "logmetrics.dll" not in files and is_elf(os.path.join(directory, "logmetrics"))
    print(json.dumps({
        "kind": kind,
        "commit": commit,
        "native_aot": native_aot,
        "r2r": "yes" if all(ours) else "partial" if any(ours) else "no",
        "composite": any(n.endswith(".r2r.dll") for n in files),
        "self_contained": self_contained,
        "trimmed": self_contained and "System.Private.Xml.dll" not in files,
        "r2r_assemblies": len(r2r),
        "il_assemblies": len(il),
        "size_mb": round(size / 1e6, 1),
    }))


if __name__ == "__main__":
    main()
