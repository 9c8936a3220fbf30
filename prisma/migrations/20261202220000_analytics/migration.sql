-- Analytics (docs/analytics.md): date-range scans of paid orders, enrollments and registrations.

-- CreateIndex
CREATE INDEX "Order_paidAt_currency_total_idx" ON "Order"("paidAt", "currency", "total");

-- CreateIndex
CREATE INDEX "Enrollment_enrolledAt_idx" ON "Enrollment"("enrolledAt");

-- CreateIndex
CREATE INDEX "Enrollment_completedAt_idx" ON "Enrollment"("completedAt");

-- CreateIndex
CREATE INDEX "EventRegistration_registeredAt_idx" ON "EventRegistration"("registeredAt");
