"""Tests of the kvm->mmu_lock report (workbench/lockstat.py, make lint)."""

import os
import unittest

from workbench import lockstat

DATA = os.path.join(os.path.dirname(__file__), "test_data")

HEAD = ("# lock_stat                               class name    con-bounces    contentions"
        "   waittime-min   waittime-max waittime-total   waittime-avg    acq-bounces"
        "   acquisitions   holdtime-min   holdtime-max holdtime-total   holdtime-avg")

LOG = """Populating memory
# aging-write 0.5
# aging-write 0.4
%s
# lock_stat                         &(kvm)->mmu_lock-W:            10             12           0.50         100.00         300.00          25.00            40           2000           0.10          50.00        1000.00           0.50
# lock_stat                         &kvm->mmu_lock-R:             5              7           1.00          20.00          70.00          10.00            20           5000           0.10           5.00         500.00           0.10
# lock_stat                         ---------------
# lock_stat                           &kvm->mmu_lock              7          [<00000000a1b2c3d4>] user_mem_abort+0x2a0/0xb00
# lock_stat                           &kvm->mmu_lock             12          [<00000000a1b2c3d5>] kvm_mmu_notifier_clear_young+0x5c/0x120
# lock_stat                         ---------------
# lock_stat                           &kvm->mmu_lock              6          [<00000000a1b2c3d5>] kvm_mmu_notifier_clear_young+0x5c/0x120
# lock_stat                           &kvm->mmu_lock              4          [<00000000a1b2c3d6>] kvm_mmu_notifier_invalidate_range_start+0x80/0x1c0
# mmu_lock-acquire 1900 lock_acquire,_raw_write_lock,kvm_mmu_notifier_clear_young,__mmu_notifier_clear_young,walk_pte_range
# mmu_lock-acquire 100 lock_acquire,_raw_write_lock,kvm_mmu_notifier_invalidate_range_start,__mmu_notifier_invalidate_range_start
# mmu_lock-acquire 4990 lock_acquire,_raw_read_lock,user_mem_abort,kvm_handle_guest_abort,handle_exit,kvm_arch_vcpu_ioctl_run
# mmu_lock-acquire 10 lock_acquire,_raw_write_lock,kvm_set_memslot
# mmu_lock-dropped 0
""" % HEAD


class LockstatTest(unittest.TestCase):
    def test_run(self):
        r = lockstat.run(LOG.splitlines())
        self.assertEqual(r["passes"], 2)
        self.assertEqual((r["acq_aging"], r["acq_vcpu"], r["acq_invalidation"], r["acq_other"]),
                         (1900, 4990, 100, 10))
        self.assertEqual((r["w_acq"], r["w_cont"], r["r_acq"], r["r_cont"]), (2000, 12, 5000, 7))
        self.assertAlmostEqual(r["r_wait_us"], 70.0)
        # Only the second block (who held the lock) counts for "behind aging".
        self.assertEqual(r["cont_behind_aging"], 6)
        self.assertEqual(len(lockstat.row(LOG.splitlines(), "1,base,x,4k").split(",")),
                         4 + len(lockstat.HEADER.split(",")))

    def test_real_run(self):
        # ARCH=arm64, patched 7.3 lock-statistics kernel, 64 MiB, 1 vCPU:
        # aging takes mmu_lock no more; vCPU faults take the read side.
        with open(os.path.join(DATA, "lockstat-7.3-arm64-patched.output.log")) as f:
            r = lockstat.run(f.readlines())
        self.assertEqual(r["passes"], 3)
        self.assertEqual(r["acq_aging"], 0)
        self.assertEqual(r["acq_vcpu"], 16438)
        self.assertEqual(r["r_acq"], 16438)
        # kvm_mmu_notifier_release and invalidate_range_start/end; the
        # other 4 free the stage-2 at VM destruction.
        self.assertEqual((r["acq_invalidation"], r["acq_other"], r["w_acq"]), (16, 4, 20))

    def test_one_line_class(self):
        log = LOG.replace("&(kvm)->mmu_lock-W:", "&kvm->mmu_lock:").replace(
            "# lock_stat                         &kvm->mmu_lock-R:", "# lock_stat   &other-R:")
        r = lockstat.run(log.splitlines())
        self.assertEqual((r["w_acq"], r["r_acq"]), (2000, 0))

    def test_unfinished_run_fails(self):
        with self.assertRaisesRegex(lockstat.LockstatError, "no mmu_lock histogram"):
            lockstat.run(LOG.replace("# mmu_lock-dropped 0\n", "").splitlines())
        with self.assertRaisesRegex(lockstat.LockstatError, "dropped 3"):
            lockstat.run(LOG.replace("dropped 0", "dropped 3").splitlines())
        no_vm = "\n".join(l for l in LOG.splitlines() if "->mmu_lock" not in l)
        with self.assertRaisesRegex(lockstat.LockstatError, "no kvm->mmu_lock"):
            lockstat.run(no_vm.splitlines())

    def test_table(self):
        head = ["rep", "kernel", "config", "mmu"] + lockstat.HEADER.split(",")
        rows = []
        for rep in ("1", "2"):
            for kernel in ("base", "patched"):
                log = LOG if kernel == "base" else LOG.replace("1900 lock", "0 lock").replace(
                    "              6          [<", "              0          [<")
                rows.append(dict(zip(head, lockstat.row(log.splitlines(),
                                                        "%s,%s,aging,4k" % (rep, kernel)).split(","))))
        from workbench import bench
        lines = lockstat.table(lockstat.summary(rows), bench.kernel_rows)
        text = "\n".join(lines)
        self.assertIn("aging: 100.0% fewer", text)
        self.assertIn("    950.0", text)  # 1900 acquisitions / 2 aging writes


if __name__ == "__main__":
    unittest.main()
